using System.Text.Json;
using CloudjetGraph.Core.Authorization;

namespace CloudjetGraph.TestSupport;

/// <summary>
/// The roles of the gateway's default configuration (appsettings.json), as constants that theory
/// data can carry. The gateway itself knows roles only as configured names (<see cref="Role"/>).
/// </summary>
public enum DefaultRole
{
    Anonymous,
    Owner,
    Management,
    Sales,
    Support,
    KeyCustodian,
}

/// <summary>Names and configured roles of <see cref="DefaultRole"/> values.</summary>
public static class DefaultRoles
{
    /// <summary>The name the default configuration and tokens use (<c>keyCustodian</c>).</summary>
    public static string Name(this DefaultRole role) => JsonNamingPolicy.CamelCase.ConvertName(role.ToString());

    /// <summary>The gateway's role of that name.</summary>
    public static Role AsRole(this DefaultRole role) => new(role.Name());

    /// <summary>Parses a default role by its configured name.</summary>
    public static bool TryParse(string name, out DefaultRole role)
    {
        role = Enum.GetValues<DefaultRole>().FirstOrDefault(candidate => candidate.Name() == name);
        return role.Name() == name;
    }
}
