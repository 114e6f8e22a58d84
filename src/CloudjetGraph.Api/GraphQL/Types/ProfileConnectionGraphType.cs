using CloudjetGraph.Core.Profiles;
using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Types;

/// <summary>A Relay connection over the profiles the caller reaches.</summary>
internal sealed class ProfileConnectionGraphType : ObjectGraphType<ProfilePage>
{
    public ProfileConnectionGraphType()
    {
        Name = "ProfileConnection";
        Description = "A page of the profiles the caller may reach, oldest first.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProfileEdgeGraphType>>>>("edges").Description("The profiles of this page with their cursors.").Resolve(c => c.Source.Nodes);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProfileGraphType>>>>("nodes").Description("The profiles of this page.").Resolve(c => c.Source.Nodes);
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Description("Paging information.").Resolve(c => new PageInfo(c.Source.HasNextPage, c.Source.Nodes.Count == 0 ? null : ProfileCursor.Encode(c.Source.Nodes[^1].Id)));
        Field<NonNullGraphType<IntGraphType>>("totalCount").Description("How many profiles match, across all pages.").Resolve(c => c.Source.TotalCount ?? throw new InvalidOperationException("The page was read without its count, though totalCount was selected."));
    }
}
