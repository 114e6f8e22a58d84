using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL;

/// <summary>
/// An enum over one of Core's sets of fixed labels (stored, printed by the Cli, matched by
/// scripts). Each value's internal value is the label itself, so a field resolves the same source
/// string for its deprecated String twin and for its enum; the value's name is the label spelled
/// as GraphQL enum values are. A unit test compares each enum with the Core set it serves.
/// </summary>
/// <param name="labelPrefix">What every label of the set starts with and the value names leave out.</param>
internal abstract class LabelEnumerationGraphType(string labelPrefix = "") : EnumerationGraphType
{
    /// <summary>The value name of a label: <c>decrypt-only</c> becomes <c>DECRYPT_ONLY</c>.</summary>
    public static string ValueName(string label)
    {
        ArgumentNullException.ThrowIfNull(label);
        return label.Replace('-', '_').ToUpperInvariant();
    }

    /// <summary>Adds <paramref name="label"/> as a value described by <paramref name="description"/>.</summary>
    protected void AddLabel(string label, string description)
    {
        ArgumentNullException.ThrowIfNull(label);
        if (!label.StartsWith(labelPrefix, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The label '{label}' does not start with '{labelPrefix}'.", nameof(label));
        }

        Add(ValueName(label[labelPrefix.Length..]), label, description);
    }
}
