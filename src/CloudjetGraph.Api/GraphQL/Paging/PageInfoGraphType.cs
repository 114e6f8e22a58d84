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
        Field<NonNullGraphType<BooleanGraphType>>("hasPreviousPage").Description("Whether items precede this page.").Resolve(c => c.Source.HasPreviousPage);
        Field<StringGraphType>("startCursor").Description("Cursor of the first item; pass it as 'before' for the page before. Null on an empty page.")
            .Resolve(c => c.Source.StartCursor);
        Field<StringGraphType>("endCursor").Description("Cursor of the last item; pass it as 'after' for the next page. Null on an empty page.")
            .Resolve(c => c.Source.EndCursor);
    }
}
