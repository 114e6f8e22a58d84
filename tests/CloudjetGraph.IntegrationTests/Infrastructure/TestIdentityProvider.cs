using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>
/// A minimal OpenID Connect issuer on 127.0.0.1: a discovery document, an RSA signing key as a
/// JWKS, and tokens signed with it, as the company's identity provider would issue staff tokens.
/// </summary>
public sealed class TestIdentityProvider : IAsyncDisposable
{
    private readonly WebApplication _server;
    private readonly RsaSecurityKey _signingKey = new(RSA.Create(2048)) { KeyId = "test-idp-key" };

    private TestIdentityProvider(WebApplication server) => _server = server;

    /// <summary>The issuer, which is also the authority the gateway is pointed at.</summary>
    public string Authority { get; private set; } = string.Empty;

    public static async Task<TestIdentityProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        var provider = new TestIdentityProvider(builder.Build());
        provider._server.Urls.Add("http://127.0.0.1:0");
        provider.MapEndpoints();
        await provider._server.StartAsync();
        provider.Authority = provider._server.Urls.Single().TrimEnd('/');
        return provider;
    }

    /// <summary>A token signed by this provider for one subject in one role.</summary>
    public string Issue(string subject, string role, string audience = "cloudjet-graph", SecurityKey? signingKey = null) =>
        Issue([new Claim("sub", subject), new Claim("role", role)], audience: audience, signingKey: signingKey);

    /// <summary>A token signed by this provider (or <paramref name="signingKey"/>) with any claims, issuer and expiry.</summary>
    public string Issue(IEnumerable<Claim> claims, string? issuer = null, string audience = "cloudjet-graph", SecurityKey? signingKey = null, DateTime? expires = null)
    {
        var expiresAt = expires ?? DateTime.UtcNow.AddMinutes(10);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Authority,
            Audience = audience,
            IssuedAt = expiresAt.AddMinutes(-20),
            NotBefore = expiresAt.AddMinutes(-20),
            Expires = expiresAt,
            Subject = new ClaimsIdentity(claims),
            SigningCredentials = new SigningCredentials(signingKey ?? _signingKey, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _signingKey.Rsa.Dispose();
    }

    private void MapEndpoints()
    {
        _server.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Authority,
            ["jwks_uri"] = $"{Authority}/jwks",
            ["id_token_signing_alg_values_supported"] = new[] { SecurityAlgorithms.RsaSha256 },
        }));
        _server.MapGet("/jwks", () =>
        {
            var publicKey = new RsaSecurityKey(_signingKey.Rsa.ExportParameters(includePrivateParameters: false)) { KeyId = _signingKey.KeyId };
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(publicKey);
            return Results.Json(new { keys = new[] { new { kty = jwk.Kty, kid = jwk.Kid, use = "sig", alg = SecurityAlgorithms.RsaSha256, n = jwk.N, e = jwk.E } } });
        });
    }
}
