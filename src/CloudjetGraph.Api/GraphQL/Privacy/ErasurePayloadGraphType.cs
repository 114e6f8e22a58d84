using CloudjetGraph.Core.Privacy;
using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Privacy;

/// <summary>What an erasure did: counts and a time, nothing of the people erased.</summary>
internal sealed class ErasurePayloadGraphType : ObjectGraphType<ErasureResult>
{
    public ErasurePayloadGraphType()
    {
        Name = "ErasurePayload";
        Description = "The outcome of an erasure: person keys shredded, then rows, blind-index entries and password hashes removed from the live database.";
        Field<NonNullGraphType<IntGraphType>>("erasedProfiles").Description("How many profiles were erased (an organization with none left gives 0).").Resolve(c => c.Source.ErasedProfiles);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("erasedAt").Description("When the erasure finished.").Resolve(c => c.Source.ErasedAt);
    }
}
