namespace CloudjetGraph.Core.Authorization;

/// <summary>
/// The field matrix, from configuration. Every profile field needs a rule; a role left out of a
/// field's rule is denied it. Validated at startup by <see cref="FieldMatrixParser"/>.
/// </summary>
public sealed class AuthorizationOptions
{
    /// <summary>Configuration section: <c>Authorization</c>.</summary>
    public const string SectionName = "Authorization";

    /// <summary>
    /// <c>Authorization:Fields:{field}:{role}</c> = <c>None</c>, <c>Masked</c>, <c>Read</c> or <c>Edit</c>.
    /// Field names as in the schema (<c>fullName</c>), roles as in tokens (<c>keyCustodian</c>).
    /// </summary>
    public Dictionary<string, Dictionary<string, string>> Fields { get; set; } = [];

    /// <summary>
    /// <c>Authorization:RowScopes:{role}</c> = <c>All</c> or <c>AssignedOrganizations</c>: which
    /// profiles a staff role reaches. Owners always reach only their own.
    /// </summary>
    public Dictionary<string, string> RowScopes { get; set; } = [];
}
