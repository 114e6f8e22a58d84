using CloudjetGraph.Core.ProfileRecords;
using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Types;

/// <summary>A profile with its cursor.</summary>
internal sealed class ProfileEdgeGraphType : ObjectGraphType<Profile>
{
    public ProfileEdgeGraphType()
    {
        Name = "ProfileEdge";
        Description = "A profile in a page, with the cursor that points at it.";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("Opaque cursor of this profile.").Resolve(c => ProfileCursor.Encode(c.Source.Id));
        Field<NonNullGraphType<ProfileGraphType>>("node").Description("The profile.").Resolve(c => c.Source);
    }
}
