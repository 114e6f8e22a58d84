using CloudjetGraph.Core.Keys;
using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Keys;

/// <summary>What a master key protects.</summary>
internal sealed class MasterKeyCensusGraphType : ObjectGraphType<MasterKeyCensus>
{
    public MasterKeyCensusGraphType()
    {
        Name = "MasterKeyCensus";
        Description = "What a master key protects, read from the headers of the wrapped data keys.";

        // Int: the census counts data keys as an int, and there are a handful of them.
        Field<NonNullGraphType<IntGraphType>>("dataKeys").Description("Data keys whose wrapped form names this master key.").Resolve(c => c.Source.DataKeys);
    }
}
