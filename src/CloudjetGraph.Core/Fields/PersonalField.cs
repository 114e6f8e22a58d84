namespace CloudjetGraph.Core.Fields;

/// <summary>
/// Everything the gateway knows about one sealed personal field of a profile, in one place: the
/// catalogue (<see cref="PersonalFieldCatalogue"/>) drives the sealer, the value rules, the census,
/// the rekey, the graph types and the release path from these descriptors.
/// </summary>
public sealed class PersonalField
{
    // Column and rule are Core's own business, so they come through an internal constructor:
    // a required member cannot be less visible than its class, which hosts read.
    internal PersonalField(ProfileColumn column, PersonalValueRule rule)
    {
        Column = column;
        Rule = rule;
    }

    /// <summary>The field, whose camelCase name is its name in the schema and the matrix.</summary>
    public required ProfileField Field { get; init; }

    /// <summary>
    /// The column name bound into the associated data of every sealed value: a fixed string pinned
    /// by a test, never derived from a C# identifier, so a rename cannot make stored values unreadable.
    /// </summary>
    public required string StoredName { get; init; }

    /// <summary>The sealed bytes on <see cref="ProfileRecords.Profile"/>.</summary>
    internal ProfileColumn Column { get; }

    /// <summary>The blind index kept in step with the value, for equality lookups; null when the field has none.</summary>
    internal ProfileColumn? BlindIndex { get; init; }

    /// <summary>Which column's derived key computes <see cref="BlindIndex"/>; set with it.</summary>
    internal Protection.BlindIndexColumn? IndexColumn { get; init; }

    /// <summary>The grammar of its values.</summary>
    internal PersonalValueRule Rule { get; }

    /// <summary>Most characters of a value after normalisation.</summary>
    public required int MaxLength { get; init; }

    /// <summary>Whether every profile must hold a value (null is refused).</summary>
    public bool Required { get; init; }

    /// <summary>The hint a role granted <see cref="Authorization.FieldAccess.Masked"/> sees; null when the field has no masked form.</summary>
    public Func<string, string>? Mask { get; init; }

    /// <summary>
    /// Whether the value can be changed after sign-up: by the owner (<c>updateMyProfile</c>, as far as
    /// the matrix grants Edit) and by staff correcting it on a recorded request (<c>correctProfile</c>).
    /// </summary>
    public bool Editable { get; init; }

    /// <summary>The field's description in the schema's <c>Profile</c> type.</summary>
    public required string Description { get; init; }

    /// <summary>The field's description in the change inputs; only for editable fields.</summary>
    public string? EditDescription { get; init; }

    /// <summary>
    /// The field's description in the sign-up input; null when sign-up does not ask for it. Sign-up
    /// asks for it as non-null when the field is <see cref="Required"/>.
    /// </summary>
    public string? SignUpDescription { get; init; }

    /// <summary>The name in the schema and the matrix.</summary>
    public string SchemaName => ProfileFields.NameOf(Field);
}
