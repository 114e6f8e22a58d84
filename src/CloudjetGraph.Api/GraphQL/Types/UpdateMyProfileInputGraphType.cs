using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Types;

/// <summary>An owner's changes to their own profile.</summary>
internal sealed class UpdateMyProfileInputGraphType : InputObjectGraphType
{
    public UpdateMyProfileInputGraphType()
    {
        Name = "UpdateMyProfileInput";
        Description = "Changes to your own profile. A field left out stays as it is; null clears an optional field.";
        Field<StringGraphType>("fullName").Description("Full name; cannot be cleared.");
        Field<StringGraphType>("email").Description("Contact email; cannot be cleared. The login email does not change.");
        Field<StringGraphType>("phone").Description("Phone number.");
        Field<StringGraphType>("skype").Description("Skype handle.");
        Field<StringGraphType>("department").Description("Department.");
        Field<StringGraphType>("jobTitle").Description("Job title.");
    }
}
