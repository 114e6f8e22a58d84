using System.Collections.Frozen;

namespace CloudjetGraph.Core.Authorization;

/// <summary>The validated <c>Authorization:Operations</c>: which roles may run each operation of <see cref="AccessOperations.All"/>.</summary>
public sealed class OperationGrants
{
    private readonly FrozenDictionary<string, FrozenSet<Role>> _roles;

    internal OperationGrants(IDictionary<string, HashSet<Role>> roles) =>
        _roles = roles.ToFrozenDictionary(grant => grant.Key, grant => grant.Value.ToFrozenSet(), StringComparer.Ordinal);

    /// <summary>Whether <paramref name="role"/> may run <paramref name="operation"/>; an operation without a rule is run by nobody.</summary>
    public bool Allows(Role role, string operation) =>
        _roles.TryGetValue(operation, out var roles) && roles.Contains(role);
}
