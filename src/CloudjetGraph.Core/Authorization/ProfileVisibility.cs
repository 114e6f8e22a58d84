using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.ProfileRecords;

namespace CloudjetGraph.Core.Authorization;

/// <summary>
/// Row-level need-to-know: narrows queries to the profiles and organisations a caller reaches.
/// Everything else answers exactly as if it did not exist.
/// </summary>
public sealed class ProfileVisibility(FieldMatrix matrix)
{
    /// <summary>Narrows a profile query to what the caller reaches.</summary>
    /// <exception cref="DomainException">The caller's role reaches no profiles at all.</exception>
    public IQueryable<Profile> Profiles(IQueryable<Profile> profiles, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return ScopeOf(caller) switch
        {
            RowScope.All => profiles,
            RowScope.AssignedOrganizations => profiles.Where(p => caller.AssignedOrganizations.Contains(p.OrganizationId)),
            _ => caller.OwnProfileId is { } ownId ? profiles.Where(p => p.Id == ownId) : profiles.Where(_ => false),
        };
    }

    /// <summary>
    /// The profile with this id when the caller reaches it, else null: exactly what
    /// <see cref="Profiles"/> narrowed to one id gives, through compiled queries. An owner asking
    /// for another id is answered without a query.
    /// </summary>
    /// <exception cref="DomainException">The caller's role reaches no profiles at all.</exception>
    internal Task<Profile?> FindAsync(CloudjetDbContext db, Caller caller, Guid id, bool withOrganization, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return ScopeOf(caller) switch
        {
            RowScope.All => CompiledProfileLookups.ByIdAsync(db, id, withOrganization, cancellationToken),
            RowScope.AssignedOrganizations => CompiledProfileLookups.ByIdInAsync(db, id, caller.AssignedOrganizations, withOrganization, cancellationToken),
            _ => caller.OwnProfileId == id ? CompiledProfileLookups.ByIdAsync(db, id, withOrganization, cancellationToken) : Task.FromResult<Profile?>(null),
        };
    }

    /// <summary>Narrows an organisation query to what the caller reaches.</summary>
    /// <exception cref="DomainException">The caller's role reaches no profiles at all.</exception>
    public IQueryable<Organization> Organizations(IQueryable<Organization> organizations, IQueryable<Profile> profiles, Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return ScopeOf(caller) switch
        {
            RowScope.All => organizations,
            RowScope.AssignedOrganizations => organizations.Where(o => caller.AssignedOrganizations.Contains(o.Id)),
            _ => organizations.Where(o => profiles.Any(p => p.Id == caller.OwnProfileId && p.OrganizationId == o.Id)),
        };
    }

    /// <summary>
    /// The organisations a listing draws from, within the caller's reach: the one asked for, the
    /// caller's assigned ones, or both (none when the one asked for is not assigned). Null when it
    /// draws from every organisation (a role that reaches all, with no organisation asked for) or
    /// from an owner's own profile.
    /// </summary>
    /// <exception cref="DomainException">The caller's role reaches no profiles at all.</exception>
    public IReadOnlyCollection<Guid>? ListedOrganizations(Caller caller, Guid? organizationId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return ScopeOf(caller) switch
        {
            RowScope.AssignedOrganizations when organizationId is { } asked => caller.AssignedOrganizations.Contains(asked) ? [asked] : [],
            RowScope.AssignedOrganizations => caller.AssignedOrganizations,
            RowScope.All when organizationId is { } asked => [asked],
            _ => null,
        };
    }

    /// <summary>The caller's scope, refusing roles that reach nothing.</summary>
    /// <exception cref="DomainException">Anonymous callers, or a role with no row scope.</exception>
    public RowScope ScopeOf(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var scope = matrix.ScopeOf(caller.Role);
        return scope switch
        {
            RowScope.None => throw AccessPolicy.Refusal(caller, "Sign in to read profiles or organizations.", "Your role reaches no profiles or organizations."),
            _ => scope,
        };
    }
}
