using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Accounts;

/// <summary>What staff give to invite one person into an organisation.</summary>
internal sealed class CreateInvitationInputGraphType : InputObjectGraphType
{
    public CreateInvitationInputGraphType()
    {
        Name = "CreateInvitationInput";
        Description = "An invitation to open one account in an organization.";
        Field<NonNullGraphType<IdGraphType>>("organizationId").Description("The organization the new account joins.");
        Field<StringGraphType>("email").Description("When given, only this email may use the invitation; it is stored as a keyed hash, never as text.");
        Field<IntGraphType>("expiresIn").Description("Hours until the invitation expires, 1 up to Onboarding:MaxInvitationLifetime; default Onboarding:DefaultInvitationLifetime.");
    }
}
