using System.Collections.Frozen;
using System.Text.Json;

namespace CloudjetGraph.Core.Authorization;

/// <summary>Maps roles to the names used in tokens and configuration (<c>keyCustodian</c>, ...).</summary>
public static class RoleNames
{
    private static readonly FrozenDictionary<string, Role> ByName =
        Enum.GetValues<Role>().ToFrozenDictionary(Of, StringComparer.OrdinalIgnoreCase);

    /// <summary>The camelCase name of a role.</summary>
    public static string Of(Role role) => JsonNamingPolicy.CamelCase.ConvertName(role.ToString());

    /// <summary>Parses a role name, case-insensitively.</summary>
    public static bool TryParse(string? name, out Role role) => ByName.TryGetValue(name ?? string.Empty, out role);

    /// <summary>Roles that staff tokens may carry.</summary>
    public static IReadOnlyList<Role> Staff { get; } = [Role.Management, Role.Sales, Role.Support, Role.KeyCustodian];
}
