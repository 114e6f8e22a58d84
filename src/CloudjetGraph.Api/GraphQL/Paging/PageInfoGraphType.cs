using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Paging;

/// <summary>Relay page information, shared by every connection.</summary>
internal sealed class PageInfoGraphType : ObjectGraphType<PageInfo>
{
    public PageInfoGraphType()
    {
        Name = "PageInfo";
        Description = "Where this page sits in the whole list.";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Description("Whether more items follow this page.").Resolve(c => c.Source.HasNextPage);
        Field<StringGraphType>("endCursor").Description("Cursor of the last item; pass it as 'after' for the next page. Null on an empty page.")
            .Resolve(c => c.Source.EndCursor);
    }
}
