using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.Protection;
using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.Core.Profiles;

/// <summary>Finds and pages the profiles and organisations a caller reaches. Nothing here decrypts.</summary>
public sealed class ProfileDirectory(CloudjetDbContext db, ProfileVisibility visibility, FieldMatrix matrix, BlindIndex blindIndex)
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
    /// <exception cref="DomainException">The caller's role reaches no profiles.</exception>
    public Task<Profile?> FindAsync(Caller caller, Guid id, CancellationToken cancellationToken) =>
        Reachable(caller).SingleOrDefaultAsync(p => p.Id == id, cancellationToken);

    /// <summary>One page, ordered by id (creation order), after the given id.</summary>
    /// <exception cref="DomainException">The role reaches no profiles, or filters on a field it may not read.</exception>
    public async Task<ProfilePage> PageAsync(
        Caller caller, ProfileFilter filter, int first, Guid? after, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(filter);
        var query = Reachable(caller);
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

            var index = blindIndex.ForEmail(email);
            query = query.Where(p => p.EmailIndex == index);
        }

        var totalCount = await query.CountAsync(cancellationToken);
        if (after is { } afterId)
        {
            query = query.Where(p => p.Id.CompareTo(afterId) > 0);
        }

        var rows = await query.OrderBy(p => p.Id).Take(first + 1).ToListAsync(cancellationToken);
        return new ProfilePage(rows.Take(first).ToList(), rows.Count > first, totalCount);
    }

    /// <summary>The organisations the caller reaches, by name.</summary>
    /// <exception cref="DomainException">The caller's role reaches no profiles.</exception>
    public async Task<IReadOnlyList<Organization>> OrganizationsAsync(Caller caller, CancellationToken cancellationToken) =>
        await visibility.Organizations(db.Organizations.AsNoTracking(), db.Profiles, caller).OrderBy(o => o.Name).ToListAsync(cancellationToken);

    private IQueryable<Profile> Reachable(Caller caller) =>
        visibility.Profiles(db.Profiles.AsNoTracking().Include(p => p.Organization), caller);
}
