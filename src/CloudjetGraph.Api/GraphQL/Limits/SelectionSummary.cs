namespace CloudjetGraph.Api.GraphQL.Limits;

/// <summary>
/// What a selection set asks for once every fragment in it is expanded, computed without expanding
/// anything: each fragment is summarised once and its summary reused at every spread.
/// </summary>
/// <param name="Depth">Deepest field nesting; a leaf field is 1.</param>
/// <param name="ListCost">Cost of the list fields at this level; the field holding them multiplies it by its page size or the list weight.</param>
/// <param name="OtherCost">Cost of everything else at this level, taken once.</param>
/// <param name="Aliases">Aliased fields.</param>
/// <param name="Spreads">Fragment spreads.</param>
/// <param name="Fields">Fields at this level (the root fields, for an operation).</param>
/// <param name="Introspects">Whether <c>__schema</c> or <c>__type</c> is asked for.</param>
internal readonly record struct SelectionSummary(int Depth, long ListCost, long OtherCost, long Aliases, long Spreads, long Fields, bool Introspects)
{
    public static SelectionSummary Empty => default;

    /// <summary>The cost of this selection when the list fields in it count <paramref name="listWeight"/> times.</summary>
    public long CostWith(long listWeight) => Saturating.Add(Saturating.Multiply(listWeight, ListCost), OtherCost);

    /// <summary>Two selections side by side.</summary>
    public SelectionSummary Plus(SelectionSummary other) => new(
        Math.Max(Depth, other.Depth),
        Saturating.Add(ListCost, other.ListCost),
        Saturating.Add(OtherCost, other.OtherCost),
        Saturating.Add(Aliases, other.Aliases),
        Saturating.Add(Spreads, other.Spreads),
        Saturating.Add(Fields, other.Fields),
        Introspects || other.Introspects);
}
