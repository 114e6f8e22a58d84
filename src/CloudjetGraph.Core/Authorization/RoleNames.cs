namespace CloudjetGraph.Core.Authorization;

/// <summary>Maps roles to the names used in tokens and configuration (<c>keyCustodian</c>, ...).</summary>
public static class RoleNames
{
    /// <summary>The camelCase name of a role.</summary>
    public static string Of(Role role) => EnumNames.Of(role);

    /// <summary>Parses a role name, case-insensitively.</summary>
    public static bool TryParse(string? name, out Role role) => EnumNames.TryParse(name, out role);

    /// <summary>Roles that staff tokens may carry.</summary>
    public static IReadOnlyList<Role> Staff { get; } = [Role.Management, Role.Sales, Role.Support, Role.KeyCustodian];
}
