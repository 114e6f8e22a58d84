using CloudjetGraph.Core.Keys;
using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Keys;

/// <summary>Stored values that no listed key accounts for.</summary>
internal sealed class UnattributedValuesGraphType : ObjectGraphType<UnattributedValues>
{
    public UnattributedValuesGraphType()
    {
        Name = "UnattributedValues";
        Description = "Stored values whose header names no data key of their kind, or has a format this version does not know: no listed key opens them.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<VersionCountGraphType>>>>("sealedValues")
            .Description("Sealed values per format version (the header's first byte), lowest version first.")
            .Resolve(c => VersionCountGraphType.Of(c.Source.SealedValues));
        Field<NonNullGraphType<LongGraphType>>("indexEntries")
            .Description("Blind-index entries from before entries named their key (run `keys reindex`), or naming no blind-index key.")
            .Resolve(c => c.Source.IndexEntries);
        Field<NonNullGraphType<LongGraphType>>("accessTags").Description("Access tags.").Resolve(c => c.Source.AccessTags);
    }
}
