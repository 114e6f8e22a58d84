using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Keys;

/// <summary>One entry of a per-format-version count: GraphQL has no map, so the census's dictionaries become lists of these.</summary>
internal sealed class VersionCountGraphType : ObjectGraphType<KeyValuePair<int, long>>
{
    public VersionCountGraphType()
    {
        Name = "VersionCount";
        Description = "How many stored values have one format version.";
        Field<NonNullGraphType<IntGraphType>>("version").Description("The format version: the first byte of the stored value's header (0 for an empty value).").Resolve(c => c.Source.Key);
        Field<NonNullGraphType<LongGraphType>>("count").Description("How many stored values have it.").Resolve(c => c.Source.Value);
    }

    /// <summary>The counts as a list, lowest version first, so that answers are stable.</summary>
    public static IEnumerable<KeyValuePair<int, long>> Of(IReadOnlyDictionary<int, long> counts) => counts.OrderBy(c => c.Key);
}
