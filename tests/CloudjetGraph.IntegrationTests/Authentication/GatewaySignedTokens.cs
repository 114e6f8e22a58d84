using System.Security.Claims;
using CloudjetGraph.Core.Protection;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CloudjetGraph.IntegrationTests.Authentication;

/// <summary>
/// Tokens signed with the gateway's own signing key but shaped freely, as only a holder of that
/// key could make them: the right signature must still not excuse wrong claims.
/// </summary>
public static class GatewaySignedTokens
{
    public static string Sign(CloudjetApplication app, IEnumerable<Claim> claims, string issuer = "cloudjet-graph", DateTime? expires = null)
    {
        var key = app.Services.GetRequiredService<DataKeyRing>().Active(DataKeyPurpose.TokenSigning);
        var expiresAt = expires ?? DateTime.UtcNow.AddMinutes(10);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = "cloudjet-graph",
            IssuedAt = expiresAt.AddMinutes(-20),
            NotBefore = expiresAt.AddMinutes(-20),
            Expires = expiresAt,
            Subject = new ClaimsIdentity(claims),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key.Material) { KeyId = key.Id.ToString() }, SecurityAlgorithms.HmacSha256),
        });
    }
}
