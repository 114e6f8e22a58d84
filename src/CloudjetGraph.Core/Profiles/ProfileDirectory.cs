using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.Fields;
using CloudjetGraph.Core.KeyStore;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.Core.Protection;
using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.Core.Profiles;

/// <summary>
/// Finds and pages the profiles and organisations a caller reaches. Nothing here decrypts; every
/// profile it returns has had its access tag checked (<see cref="Profile.AccessVerified"/>), and the
/// person keys of the profiles it returns are fetched into the cache in one key store query, except,
/// for staff, those of profiles whose processing is restricted: nothing of theirs is unwrapped.
/// </summary>
public sealed class ProfileDirectory(CloudjetDbContext db, ProfileVisibility visibility, FieldMatrix matrix, BlindIndex blindIndex, ProfileAccessTag accessTag, PersonKeyStore personKeys)
{
    /// <summary>The caller's own profile, or null for staff.</summary>
    /// <exception cref="DomainException">Anonymous caller.</exception>
    public async Task<Profile?> FindOwnAsync(Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.Role == Role.Anonymous)
        {
            throw new DomainException(ErrorCodes.NotAuthenticated, "Sign in to read your profile.");
        }

        return caller.OwnProfileId is { } id ? await FindAsync(caller, id, cancellationToken) : null;
    }

    /// <summary>A profile the caller reaches; null when it does not exist or is out of reach.</summary>
    /// <param name="caller">Who asks.</param>
    /// <param name="id">The profile's id.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <param name="withOrganization">False leaves <see cref="Profile.Organization"/> unloaded (null), for a caller that does not read it.</param>
    /// <param name="purpose">The purpose its fields will be released for, when not the role's: a legal obligation loads the key of a restricted profile too.</param>
    /// <exception cref="DomainException">The caller's role reaches no profiles.</exception>
    public async Task<Profile?> FindAsync(Caller caller, Guid id, CancellationToken cancellationToken, bool withOrganization = true, string? purpose = null)
    {
        var profile = await visibility.FindAsync(db, caller, id, withOrganization, cancellationToken);
        if (profile is not null)
        {
            accessTag.Check(profile);
            await personKeys.LoadAsync(KeysToOpen(caller, [profile], purpose), cancellationToken);
        }

        return profile;
    }

    /// <summary>One page, ordered by id (creation order), after the given id.</summary>
    /// <param name="caller">Who asks.</param>
    /// <param name="filter">Which profiles.</param>
    /// <param name="first">Page size.</param>
    /// <param name="after">The id the page starts after.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <param name="parts">What to load besides the rows; by default everything.</param>
    /// <exception cref="DomainException">The role reaches no profiles, or filters on a field it may not read.</exception>
    public Task<ProfilePage> PageAsync(
        Caller caller, ProfileFilter filter, int first, Guid? after, CancellationToken cancellationToken, ProfilePageParts parts = ProfilePageParts.All) =>
        ReadPageAsync(caller, filter, first, ProfileKeyset.After(after), parts, cancellationToken);

    /// <summary>
    /// The last page before the given id (the list's end when null): the same rows, scope and filter
    /// as <see cref="PageAsync"/> reads, taken from the other end and still ordered oldest first.
    /// </summary>
    /// <param name="caller">Who asks.</param>
    /// <param name="filter">Which profiles.</param>
    /// <param name="last">Page size.</param>
    /// <param name="before">The id the page ends before.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    /// <param name="parts">What to load besides the rows; by default everything.</param>
    /// <exception cref="DomainException">The role reaches no profiles, or filters on a field it may not read.</exception>
    public Task<ProfilePage> PageBackwardAsync(
        Caller caller, ProfileFilter filter, int last, Guid? before, CancellationToken cancellationToken, ProfilePageParts parts = ProfilePageParts.All) =>
        ReadPageAsync(caller, filter, last, ProfileKeyset.Before(before), parts, cancellationToken);

    private async Task<ProfilePage> ReadPageAsync(Caller caller, ProfileFilter filter, int size, ProfileKeyset keyset, ProfilePageParts parts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(filter);
        var organizations = filter.Email is null ? visibility.ListedOrganizations(caller, filter.OrganizationId) : null;
        var (rows, totalCount) = organizations is not null
            ? await FromOrganizationsAsync(organizations, size + 1, keyset, parts, cancellationToken)
            : await FromQueryAsync(caller, filter, size + 1, keyset, parts, cancellationToken);

        // A backward page is read newest first; the list's order is oldest first.
        var nodes = rows.Take(size).ToList();
        if (keyset.Descending)
        {
            nodes.Reverse();
        }

        // A failed row stays in the page, so one damaged row does not hide the others; the field
        // guard then withholds everything of it but its id.
        foreach (var profile in nodes)
        {
            accessTag.Check(profile);
        }

        await personKeys.LoadAsync(KeysToOpen(caller, nodes, purpose: null), cancellationToken);

        // The extra row tells whether more lie ahead; one row past the cursor, the other way,
        // whether any lie behind.
        var ahead = rows.Count > size;
        var behind = keyset.Cursor is not null && parts.HasFlag(ProfilePageParts.BeyondCursor)
            && (organizations is not null
                ? (await OrganizationSlices.ReadAsync(db.Profiles.AsNoTracking(), organizations, keyset.Behind, 1, cancellationToken)).Count > 0
                : await keyset.Behind.Apply(Filtered(caller, filter, withOrganization: false)).AnyAsync(cancellationToken));
        return keyset.Descending
            ? new ProfilePage(nodes, HasNextPage: behind, HasPreviousPage: ahead, totalCount)
            : new ProfilePage(nodes, HasNextPage: ahead, HasPreviousPage: behind, totalCount);
    }

    /// <summary>The organisations the caller reaches, by name.</summary>
    /// <exception cref="DomainException">The caller's role reaches no profiles, or an owner's own row failed its access tag.</exception>
    public async Task<IReadOnlyList<Organization>> OrganizationsAsync(Caller caller, CancellationToken cancellationToken) =>
        await (await ReachableOrganizationsAsync(caller, cancellationToken)).OrderBy(o => o.Name).ToListAsync(cancellationToken);

    /// <summary>An organisation the caller reaches, within the same scope as <see cref="OrganizationsAsync"/>; null when it does not exist or is out of reach.</summary>
    /// <exception cref="DomainException">The caller's role reaches no profiles, or an owner's own row failed its access tag.</exception>
    public async Task<Organization?> FindOrganizationAsync(Caller caller, Guid id, CancellationToken cancellationToken) =>
        await (await ReachableOrganizationsAsync(caller, cancellationToken)).SingleOrDefaultAsync(o => o.Id == id, cancellationToken);

    private async Task<IQueryable<Organization>> ReachableOrganizationsAsync(Caller caller, CancellationToken cancellationToken)
    {
        // An owner reaches the organisation their row names: only a verified row may name it.
        if (visibility.ScopeOf(caller) == RowScope.Own && await FindOwnAsync(caller, cancellationToken) is { AccessVerified: false })
        {
            throw new DomainException(ErrorCodes.DataIntegrity, "Your profile failed its integrity check and was withheld.");
        }

        return visibility.Organizations(db.Organizations.AsNoTracking(), db.Profiles, caller);
    }

    private async Task<(List<Profile> Rows, int? TotalCount)> FromOrganizationsAsync(
        IReadOnlyCollection<Guid> organizations, int take, ProfileKeyset keyset, ProfilePageParts parts, CancellationToken cancellationToken)
    {
        var rows = organizations.Count == 0 ? [] : await OrganizationSlices.ReadAsync(db.Profiles.AsNoTracking(), organizations, keyset, take, cancellationToken);
        if (parts.HasFlag(ProfilePageParts.Organizations))
        {
            await AttachOrganizationsAsync(rows, cancellationToken);
        }

        return (rows, parts.HasFlag(ProfilePageParts.TotalCount) ? await KeptCountAsync(organizations, cancellationToken) : null);
    }

    private async Task<(List<Profile> Rows, int? TotalCount)> FromQueryAsync(
        Caller caller, ProfileFilter filter, int take, ProfileKeyset keyset, ProfilePageParts parts, CancellationToken cancellationToken)
    {
        var query = Filtered(caller, filter, parts.HasFlag(ProfilePageParts.Organizations));
        int? totalCount = null;
        if (parts.HasFlag(ProfilePageParts.TotalCount))
        {
            // Everything, for a caller who reaches every organisation, from the kept counts; the
            // few rows of an email or of an owner's own profile are counted directly.
            totalCount = filter.Email is null && visibility.ScopeOf(caller) == RowScope.All
                ? await KeptCountAsync(organizations: null, cancellationToken)
                : await query.CountAsync(cancellationToken);
        }

        return (await keyset.Apply(query).Take(take).ToListAsync(cancellationToken), totalCount);
    }

    private IQueryable<Profile> Filtered(Caller caller, ProfileFilter filter, bool withOrganization)
    {
        var query = Reachable(caller, withOrganization);
        if (filter.OrganizationId is { } organizationId)
        {
            query = query.Where(p => p.OrganizationId == organizationId);
        }

        if (filter.Email is { } email)
        {
            // Filtering by a value is reading it: only roles that read email may search by it.
            if (matrix.AccessOf(caller.Role, ProfileField.Email) < FieldAccess.Read)
            {
                throw new DomainException(ErrorCodes.NotAuthorized, "Your role may not filter by email.", "email");
            }

            // Under any loaded index key, so a search finds every match during a reindex too. One
            // parameter per candidate (a key or two): SQLite seeks the blind index for a list of
            // parameters, but walks the whole table in id order for a json_each of them.
            var entries = blindIndex.CandidatesForEmail(BlindIndexColumn.ProfileEmail, email);
            query = query.Where(p => EF.MultipleParameters(entries).Contains(p.EmailIndex));

            // A restricted profile's email is withheld from staff, so staff cannot find it by
            // its email either: the search answers as if nobody had that address.
            if (matrix.IsStaff(caller.Role))
            {
                query = query.Where(p => p.RestrictedAt == null);
            }
        }

        return query;
    }

    // The counts the database keeps per organisation (OrganizationProfileCount), summed: a few
    // rows read, whatever the number of profiles. Null sums every organisation.
    private async Task<int> KeptCountAsync(IReadOnlyCollection<Guid>? organizations, CancellationToken cancellationToken)
    {
        var counts = db.OrganizationProfileCounts.AsNoTracking();
        if (organizations is not null)
        {
            counts = counts.Where(c => organizations.Contains(c.OrganizationId));
        }

        return checked((int)await counts.SumAsync(c => c.ProfileCount, cancellationToken));
    }

    private async Task AttachOrganizationsAsync(List<Profile> rows, CancellationToken cancellationToken)
    {
        var ids = rows.Select(p => p.OrganizationId).Distinct().ToList();
        var organizations = await db.Organizations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
        foreach (var profile in rows)
        {
            profile.Organization = organizations[profile.OrganizationId];
        }
    }

    // The release path withholds a restricted profile's personal fields from staff, so its key is
    // not unwrapped for them either; a legal obligation opens it.
    private IEnumerable<Guid> KeysToOpen(Caller caller, IEnumerable<Profile> profiles, string? purpose) =>
        profiles.Where(p => p.RestrictedAt is null || purpose == Purposes.LegalObligation || !matrix.IsStaff(caller.Role)).Select(p => p.Id);

    private IQueryable<Profile> Reachable(Caller caller, bool withOrganization) =>
        visibility.Profiles(withOrganization ? db.Profiles.AsNoTracking().Include(p => p.Organization) : db.Profiles.AsNoTracking(), caller);
}
