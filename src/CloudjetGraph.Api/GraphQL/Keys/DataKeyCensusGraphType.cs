using CloudjetGraph.Core.Keys;
using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Keys;

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
        Field<NonNullGraphType<LongGraphType>>("indexEntries")
            .Description("Blind-index entries (profile email and login email, invitation email) whose header names this key; 0 for keys of other purposes.")
            .Resolve(c => c.Source.IndexEntries);
        Field<NonNullGraphType<LongGraphType>>("accessTags").Description("Profile access tags whose header names this key.").Resolve(c => c.Source.AccessTags);
        Field<NonNullGraphType<LongGraphType>>("personKeys").Description("Person keys in the key store wrapped under this key.").Resolve(c => c.Source.PersonKeys);
    }
}
