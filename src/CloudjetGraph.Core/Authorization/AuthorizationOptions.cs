namespace CloudjetGraph.Core.Authorization;

/// <summary>
/// Roles, the field matrix and operation grants, from configuration. A staff role exists when
/// <see cref="RowScopes"/> names it; owner, keyCustodian and anonymous are built in. Every profile
/// field needs a rule; a role left out of a field's or an operation's rule is denied it. Validated
/// at startup by <see cref="FieldMatrixParser"/>, <see cref="OperationGrantsParser"/> and
/// <see cref="StaffPurposesParser"/>.
/// </summary>
internal sealed class AuthorizationOptions
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

    /// <summary>
    /// <c>Authorization:Operations:{operation}</c> = the roles that may run it, e.g.
    /// <c>"breachReport": ["management"]</c>. Operations as in the schema (<see cref="AccessOperations.All"/>);
    /// one left out is run by nobody.
    /// </summary>
    public Dictionary<string, List<string>> Operations { get; set; } = [];

    /// <summary>
    /// <c>Authorization:Purposes:{role}</c> = the purpose of the policy's §2 a staff role serves
    /// (<see cref="Authorization.Purposes.All"/>), recorded with every release to it. Every staff role needs one.
    /// </summary>
    public Dictionary<string, string> Purposes { get; set; } = [];
}
