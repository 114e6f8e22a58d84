using CloudjetGraph.Core.Fields;
using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Accounts;

/// <summary>
/// What a person hands over to open an account, with the invitation that names the organisation: the
/// catalogue's sign-up fields (<see cref="PersonalFieldCatalogue.AtSignUp"/>), each non-null when the
/// field is required, and the password.
/// </summary>
internal sealed class SignUpInputGraphType : InputObjectGraphType
{
    public SignUpInputGraphType()
    {
        Name = "SignUpInput";
        Description = "A new account. The email is also the login email; the organization is the invitation's.";
        Field<NonNullGraphType<StringGraphType>>("invitationCode").Description("The single-use code from createInvitation; INVITATION_INVALID when unknown, used, expired or bound to another email.");

        // What an account cannot be opened without comes first, the password among it.
        AddPersonal(PersonalFieldCatalogue.AtSignUp.Where(field => field.Required));
        Field<NonNullGraphType<StringGraphType>>("password").Description("Password: at least 10 characters other than spaces, at most 128; stored only as a slow salted hash.");
        AddPersonal(PersonalFieldCatalogue.AtSignUp.Where(field => !field.Required));
        Field<ConsentInputGraphType>("consent").Description("Explicit consent to the current privacy policy; required.");
    }

    private void AddPersonal(IEnumerable<PersonalField> fields)
    {
        foreach (var field in fields)
        {
            Field(field.SchemaName, field.Required ? typeof(NonNullGraphType<StringGraphType>) : typeof(StringGraphType)).Description(field.SignUpDescription);
        }
    }
}
