using System.Collections.Frozen;
using CloudjetGraph.Core.Fields;

namespace CloudjetGraph.Core.Authorization;

/// <summary>The validated field matrix: the configured roles, what each may do with each profile field, and which rows it reaches.</summary>
public sealed class FieldMatrix
{
    private readonly FrozenDictionary<(Role, ProfileField), FieldAccess> _access;
    private readonly FrozenDictionary<Role, RowScope> _scopes;
    private readonly FrozenDictionary<string, Role> _byName;

    internal FieldMatrix(IReadOnlyList<Role> roles, IDictionary<(Role, ProfileField), FieldAccess> access, IDictionary<Role, RowScope> scopes)
    {
        Roles = roles;
        _byName = roles.ToFrozenDictionary(role => role.Name, StringComparer.Ordinal);
        _access = access.ToFrozenDictionary();
        _scopes = scopes.ToFrozenDictionary();
    }

    /// <summary>Every role that exists: anonymous, owner, the staff roles in the order configuration binds them (by name), keyCustodian.</summary>
    public IReadOnlyList<Role> Roles { get; }

    /// <summary>Finds a role by its exact configured name.</summary>
    public bool TryFindRole(string? name, out Role role) => _byName.TryGetValue(name ?? string.Empty, out role!);

    /// <summary>Whether a role is staff: configuration gives it a row scope.</summary>
    public bool IsStaff(Role role) => _scopes.ContainsKey(role);

    /// <summary>The access a role has to a field.</summary>
    public FieldAccess AccessOf(Role role, ProfileField field) =>
        _access.TryGetValue((role, field), out var access) ? access : FieldAccess.None;

    /// <summary>The profiles a role reaches.</summary>
    public RowScope ScopeOf(Role role) =>
        role == Role.Owner ? RowScope.Own : _scopes.GetValueOrDefault(role, RowScope.None);

    /// <summary>Roles granted exactly <paramref name="access"/> on a field, in <see cref="Roles"/> order, for documentation.</summary>
    public IReadOnlyList<Role> RolesWith(ProfileField field, FieldAccess access) =>
        [.. Roles.Where(role => AccessOf(role, field) == access)];
}
