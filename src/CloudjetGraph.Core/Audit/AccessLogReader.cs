using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.Core.Audit;

/// <summary>
/// An owner's view of the trail: the staff reads of their profile and its disclosures to
/// authorities, by role and purpose, never naming the staff member. A disclosure under a
/// confidentiality hold is left out, from the list and from anything counted over it, until the
/// hold ends by <see cref="TimeProvider"/>'s clock; then it shows in its place.
/// </summary>
public sealed class AccessLogReader(CloudjetDbContext db, TimeProvider time)
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
        // In SQL, before Take: a held entry must not take a place in the newest MaxEntries either.
        DateTimeOffset? now = time.GetUtcNow();
        var rows = await (
                from read in db.AuditEntryProfiles.AsNoTracking()
                join entry in db.AuditEntries.AsNoTracking() on read.EntrySequence equals entry.Sequence
                where read.ProfileId == profileId && entry.Kind == AuditEntryKinds.Release
                    && (entry.ConfidentialUntil == null || entry.ConfidentialUntil <= now)
                orderby entry.Sequence descending
                select new { entry.At, entry.ActorRole, entry.Operation, read.Fields, entry.Purpose, read.PolicyVersion, entry.DisclosureLaw, entry.DisclosureArticle, entry.ConfidentialUntil })
            .Take(maxEntries)
            .ToListAsync(cancellationToken);
        return
        [
            .. rows.Select(r => new AccessLogEntry(
                r.At, r.ActorRole, r.Operation, r.Fields.Split(','), r.Purpose, r.PolicyVersion,
                r.DisclosureLaw is { } law ? new AuthorityDisclosure(law, r.DisclosureArticle ?? string.Empty, r.ConfidentialUntil) : null)),
        ];
    }
}
