using CloudjetGraph.Api.GraphQL.Paging;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.Core.Profiles;

namespace CloudjetGraph.Api.GraphQL.Profiles;

/// <summary>The profiles the caller reaches, served as a connection with edges.</summary>
internal static class ProfileConnection
{
    private static readonly ConnectionShape<ProfilePage, Profile> Shape = new()
    {
        Name = "ProfileConnection",
        Description = "A page of the profiles the caller may reach, oldest first whichever way it was paged.",
        NodesDescription = "The profiles of this page.",
        TotalCountDescription = "How many profiles match, across all pages.",
        Nodes = page => page.Nodes,
        HasNextPage = page => page.HasNextPage,
        HasPreviousPage = page => page.HasPreviousPage,
        TotalCount = page => page.TotalCount ?? throw new InvalidOperationException("The page was read without its count, though totalCount was selected."),
        Cursor = profile => ProfileCursor.Encode(profile.Id),
        Edges = new(
            "ProfileEdge",
            "A profile in a page, with the cursor that points at it.",
            "The profiles of this page with their cursors.",
            "Opaque cursor of this profile.",
            "The profile."),
    };

    /// <summary>A new instance for one schema.</summary>
    public static ConnectionGraphType<ProfileGraphType, ProfilePage, Profile> GraphType() => new(Shape);
}
