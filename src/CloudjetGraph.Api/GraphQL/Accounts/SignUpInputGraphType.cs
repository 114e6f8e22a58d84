using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Accounts;

/// <summary>What a person hands over to open an account, with the invitation that names the organisation.</summary>
internal sealed class SignUpInputGraphType : InputObjectGraphType
{
    public SignUpInputGraphType()
    {
        Name = "SignUpInput";
        Description = "A new account. The email is also the login email; the organization is the invitation's.";
        Field<NonNullGraphType<StringGraphType>>("invitationCode").Description("The single-use code from createInvitation; INVITATION_INVALID when unknown, used, expired or bound to another email.");
        Field<NonNullGraphType<StringGraphType>>("fullName").Description("Full name, 1 to 200 characters.");
        Field<NonNullGraphType<StringGraphType>>("email").Description("Email address; must not belong to another account.");
        Field<NonNullGraphType<StringGraphType>>("password").Description("Password: at least 10 characters other than spaces, at most 128; stored only as a slow salted hash.");
        Field<StringGraphType>("phone").Description("Phone number, 8 to 15 digits.");
        Field<StringGraphType>("skype").Description("Skype handle.");
        Field<StringGraphType>("department").Description("Department.");
        Field<StringGraphType>("jobTitle").Description("Job title.");
        Field<ConsentInputGraphType>("consent").Description("Explicit consent to the current privacy policy; required.");
    }
}
