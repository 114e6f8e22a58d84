using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.Core.Audit;

/// <summary>An owner's view of the trail: the staff reads of their profile, by role and purpose, never naming the staff member.</summary>
public sealed class AccessLogReader(CloudjetDbContext db)
{
    /// <summary>Most reads listed, newest first.</summary>
    public const int MaxEntries = 200;

    /// <summary>The latest staff reads of profile <paramref name="profileId"/> for <paramref name="caller"/>, when the <see cref="AccessPolicy"/> lets them read its log.</summary>
    /// <exception cref="Errors.DomainException">The caller is not the profile's owner.</exception>
    public Task<IReadOnlyList<AccessLogEntry>> ReadOwnAsync(Caller caller, Guid profileId, CancellationToken cancellationToken) =>
        AccessPolicy.AccessLog(caller, profileId).IsDenied
            ? throw AccessPolicy.Refusal(caller, "Sign in to read accessLog.", "Only the owner of a profile reads its accessLog.")
            : ReadAsync(profileId, cancellationToken);

    /// <summary>The latest staff reads of profile <paramref name="profileId"/>, newest first, at most <see cref="MaxEntries"/>.</summary>
    public Task<IReadOnlyList<AccessLogEntry>> ReadAsync(Guid profileId, CancellationToken cancellationToken) =>
        ReadAsync(profileId, MaxEntries, cancellationToken);

    /// <summary>Every staff read of profile <paramref name="profileId"/>, newest first: for the owner's export, which holds every stored fact.</summary>
    public Task<IReadOnlyList<AccessLogEntry>> ReadAllAsync(Guid profileId, CancellationToken cancellationToken) =>
        ReadAsync(profileId, int.MaxValue, cancellationToken);

    private async Task<IReadOnlyList<AccessLogEntry>> ReadAsync(Guid profileId, int maxEntries, CancellationToken cancellationToken)
    {
        var rows = await (
                from read in db.AuditEntryProfiles.AsNoTracking()
                join entry in db.AuditEntries.AsNoTracking() on read.EntrySequence equals entry.Sequence
                where read.ProfileId == profileId && entry.Kind == AuditEntryKinds.Release
                orderby entry.Sequence descending
                select new { entry.At, entry.ActorRole, entry.Operation, read.Fields, entry.Purpose, read.PolicyVersion })
            .Take(maxEntries)
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new AccessLogEntry(r.At, r.ActorRole, r.Operation, r.Fields.Split(','), r.Purpose, r.PolicyVersion))];
    }
}
