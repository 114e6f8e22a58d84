using CloudjetGraph.Core.Authentication;
using GraphQL.Types;

namespace CloudjetGraph.Api.GraphQL.Accounts;

/// <summary>An owner's access token.</summary>
internal sealed class LoginPayloadGraphType : ObjectGraphType<IssuedToken>
{
    public LoginPayloadGraphType()
    {
        Name = "LoginPayload";
        Description = "A bearer token for the profile's owner.";
        Field(t => t.Token).Description("Send as 'Authorization: Bearer <token>'.");
        Field(t => t.ExpiresAt).Description("When the token stops working.");
    }
}
