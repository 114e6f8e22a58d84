using CloudjetGraph.Core.Keys;
using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Types;

/// <summary>What a data key protects, counted from stored headers.</summary>
internal sealed class DataKeyCensusGraphType : ObjectGraphType<DataKeyCensus>
{
    public DataKeyCensusGraphType()
    {
        Name = "DataKeyCensus";
        Description = "What a data key protects, counted from stored headers without decrypting anything.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<VersionCountGraphType>>>>("sealedValues")
            .Description("Sealed values under this key per format version, lowest version first; for a person-key-wrapping key, the values whose header names a person key it wraps.")
            .Resolve(c => VersionCountGraphType.Of(c.Source.SealedValues));
        Field<LongGraphType>("indexEntries")
            .Description("Blind-index entries under this key, all counted under the active blind-index key; null for a decrypt-only blind-index key, whose count cannot be told from the stored bytes.")
            .Resolve(c => c.Source.IndexEntries);
        Field<NonNullGraphType<LongGraphType>>("accessTags").Description("Profile access tags whose header names this key.").Resolve(c => c.Source.AccessTags);
        Field<NonNullGraphType<LongGraphType>>("personKeys").Description("Person keys in the key store wrapped under this key.").Resolve(c => c.Source.PersonKeys);
    }
}
