using System.Collections.Frozen;

namespace CloudjetGraph.Core.Authorization;

/// <summary>The validated field matrix: what each role may do with each profile field, and which rows it reaches.</summary>
public sealed class FieldMatrix
{
    private readonly FrozenDictionary<(Role, ProfileField), FieldAccess> _access;
    private readonly FrozenDictionary<Role, RowScope> _scopes;

    internal FieldMatrix(IDictionary<(Role, ProfileField), FieldAccess> access, IDictionary<Role, RowScope> scopes)
    {
        _access = access.ToFrozenDictionary();
        _scopes = scopes.ToFrozenDictionary();
    }

    /// <summary>The access a role has to a field.</summary>
    public FieldAccess AccessOf(Role role, ProfileField field) =>
        _access.TryGetValue((role, field), out var access) ? access : FieldAccess.None;

    /// <summary>The profiles a role reaches.</summary>
    public RowScope ScopeOf(Role role) =>
        role == Role.Owner ? RowScope.Own : _scopes.GetValueOrDefault(role, RowScope.None);

    /// <summary>Roles granted exactly <paramref name="access"/> on a field, for documentation.</summary>
    public IReadOnlyList<Role> RolesWith(ProfileField field, FieldAccess access) =>
        [.. Enum.GetValues<Role>().Where(role => AccessOf(role, field) == access)];
}
