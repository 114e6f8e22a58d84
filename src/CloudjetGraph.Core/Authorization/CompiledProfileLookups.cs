using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.ProfileRecords;
using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.Core.Authorization;

/// <summary>
/// One profile by id, optionally within some organisations, with or without its organisation: the
/// four shapes <see cref="ProfileVisibility.FindAsync"/> narrows <c>profile(id)</c> to, compiled
/// once so the hottest read skips building and looking up its query on every request.
/// </summary>
internal static class CompiledProfileLookups
{
    private static readonly Func<CloudjetDbContext, Guid, CancellationToken, Task<Profile?>> WithOrganization =
        EF.CompileAsyncQuery((CloudjetDbContext db, Guid id, CancellationToken _) =>
            db.Set<Profile>().AsNoTracking().Include(p => p.Organization).SingleOrDefault(p => p.Id == id));

    private static readonly Func<CloudjetDbContext, Guid, CancellationToken, Task<Profile?>> WithoutOrganization =
        EF.CompileAsyncQuery((CloudjetDbContext db, Guid id, CancellationToken _) =>
            db.Set<Profile>().AsNoTracking().SingleOrDefault(p => p.Id == id));

    private static readonly Func<CloudjetDbContext, Guid, Guid[], CancellationToken, Task<Profile?>> InOrganizationsWithOrganization =
        EF.CompileAsyncQuery((CloudjetDbContext db, Guid id, Guid[] organizations, CancellationToken _) =>
            db.Set<Profile>().AsNoTracking().Include(p => p.Organization).SingleOrDefault(p => p.Id == id && organizations.Contains(p.OrganizationId)));

    private static readonly Func<CloudjetDbContext, Guid, Guid[], CancellationToken, Task<Profile?>> InOrganizationsWithoutOrganization =
        EF.CompileAsyncQuery((CloudjetDbContext db, Guid id, Guid[] organizations, CancellationToken _) =>
            db.Set<Profile>().AsNoTracking().SingleOrDefault(p => p.Id == id && organizations.Contains(p.OrganizationId)));

    public static Task<Profile?> ByIdAsync(CloudjetDbContext db, Guid id, bool withOrganization, CancellationToken cancellationToken) =>
        (withOrganization ? WithOrganization : WithoutOrganization)(db, id, cancellationToken);

    public static Task<Profile?> ByIdInAsync(CloudjetDbContext db, Guid id, IReadOnlySet<Guid> organizations, bool withOrganization, CancellationToken cancellationToken) =>
        organizations.Count == 0
            ? Task.FromResult<Profile?>(null)
            : (withOrganization ? InOrganizationsWithOrganization : InOrganizationsWithoutOrganization)(db, id, [.. organizations], cancellationToken);
}
