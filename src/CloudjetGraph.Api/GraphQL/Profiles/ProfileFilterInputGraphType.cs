using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Profiles;

/// <summary>Filters for the profiles query.</summary>
internal sealed class ProfileFilterInputGraphType : InputObjectGraphType
{
    public ProfileFilterInputGraphType()
    {
        Name = "ProfileFilter";
        Description = "Narrows the profiles returned; every filter given must match.";
        Field<IdGraphType>("organizationId").Description("Only profiles of this organization.");
        Field<StringGraphType>("email").Description("Only profiles with exactly this contact email (case-insensitive); needs read access to email.");
    }
}
