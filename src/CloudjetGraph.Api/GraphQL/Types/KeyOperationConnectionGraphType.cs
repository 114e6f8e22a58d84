using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Custodians;
using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Types;

/// <summary>A page of recorded custodian operations, newest first.</summary>
internal sealed class KeyOperationConnectionGraphType : ObjectGraphType<OperationPage>
{
    public KeyOperationConnectionGraphType()
    {
        Name = "KeyOperationConnection";
        Description = "A page of recorded key custodian operations, newest first.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<KeyOperationGraphType>>>>("nodes").Description("The operations of this page.").Resolve(c => c.Source.Nodes);
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Description("Paging information.")
            .Resolve(c => new PageInfo(c.Source.HasNextPage, c.Source.Nodes.Count == 0 ? null : KeyOperationCursor.Encode(c.Source.Nodes[^1].Sequence)));
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description("How many operations are recorded in all.").Resolve(c => c.Source.TotalCount);
    }
}
