using CloudjetGraph.Core.Onboarding;
using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Accounts;

/// <summary>A new invitation: the only time its code is shown.</summary>
internal sealed class CreateInvitationPayloadGraphType : ObjectGraphType<IssuedInvitation>
{
    public CreateInvitationPayloadGraphType()
    {
        Name = "CreateInvitationPayload";
        Description = "A new single-use invitation. The code is shown only here; the gateway keeps only its hash.";
        Field<NonNullGraphType<StringGraphType>>("code").Description("Hand this to the person; signUp takes it as invitationCode.").Resolve(c => c.Source.Code);
        Field<NonNullGraphType<DateTimeOffsetGraphType>>("expiresAt").Description("After this the code opens nothing.").Resolve(c => c.Source.ExpiresAt);
    }
}
