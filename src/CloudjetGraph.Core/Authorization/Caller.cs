namespace CloudjetGraph.Core.Authorization;

/// <summary>Who is asking: role, token subject and, for scoped staff, their organisations.</summary>
/// <param name="Role">The role from the token, or <see cref="Role.Anonymous"/>.</param>
/// <param name="Subject">The token subject; for owners, their profile id.</param>
/// <param name="AssignedOrganizations">Organisations assigned to a caller whose role reaches assigned organisations only.</param>
public sealed record Caller(Role Role, string? Subject, IReadOnlySet<Guid> AssignedOrganizations)
{
    /// <summary>A caller without a valid token.</summary>
    public static Caller Anonymous { get; } = new(Role.Anonymous, null, new HashSet<Guid>());

    /// <summary>The caller's own profile id, for owners.</summary>
    public Guid? OwnProfileId => Role == Role.Owner && Guid.TryParse(Subject, out var id) ? id : null;
}
