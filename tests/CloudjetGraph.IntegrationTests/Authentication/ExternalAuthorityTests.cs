using System.Security.Claims;
using System.Security.Cryptography;
using CloudjetGraph.Core.Seeding;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.IdentityModel.Tokens;

namespace CloudjetGraph.IntegrationTests.Authentication;

/// <summary>Staff tokens from the company's identity provider, found through its discovery document.</summary>
public sealed class ExternalAuthorityTests(ExternalAuthorityTarget app) : IClassFixture<ExternalAuthorityTarget>
{
    private const string CountProfiles = "{ profiles { totalCount } }";

    [Fact]
    public async Task SalesWithIdentityProviderToken_ReadsProfiles_SeesWhatTheSameSalesSubjectSees()
    {
        var token = app.IdentityProvider.Issue("sales-demo", "sales");

        var viaIdentityProvider = await CountAsync(token);
        var viaGateway = await CountAsync(app.StaffToken(DefaultRole.Sales, "sales-demo"));
        var all = await CountAsync(app.StaffToken(DefaultRole.Management, "management-demo"));

        Assert.Equal(viaGateway, viaIdentityProvider);
        Assert.InRange(viaIdentityProvider, DemoDataSeeder.ProfileCount / 2, all - (DemoDataSeeder.ProfileCount / 2));
    }

    [Fact]
    public async Task IdentityProviderToken_ClaimingToOwnAProfile_GetsInvalidTokenChallenge()
    {
        var profileId = await app.SignUpAsync(Owners.NewInput("idp-owner"));
        var token = app.IdentityProvider.Issue(profileId.ToString(), "owner");

        await InvalidTokenResponse.AssertRefusedAsync(app, token);
    }

    [Theory]
    [InlineData("owner")]
    [InlineData("management")]
    public async Task IdentityProviderToken_NamingTheGatewaysIssuer_GetsInvalidTokenChallenge(string role)
    {
        var profileId = await app.SignUpAsync(Owners.NewInput($"idp-as-gateway-{role}"));
        var token = app.IdentityProvider.Issue([new Claim("sub", profileId.ToString()), new Claim("role", role)], issuer: "cloudjet-graph");

        await InvalidTokenResponse.AssertRefusedAsync(app, token);
    }

    [Fact]
    public async Task GatewaySignedToken_NamingTheIdentityProvidersIssuer_GetsInvalidTokenChallenge()
    {
        var token = GatewaySignedTokens.Sign(app, [new Claim("sub", "management-demo"), new Claim("role", "management")], issuer: app.IdentityProvider.Authority);

        await InvalidTokenResponse.AssertRefusedAsync(app, token, CountProfiles);
    }

    [Theory]
    [InlineData("support|management")]
    [InlineData("management|owner")]
    [InlineData("superuser")]
    [InlineData(null)]
    public async Task IdentityProviderToken_NotNamingExactlyOneKnownRole_GetsInvalidTokenChallenge(string? roles)
    {
        var token = app.IdentityProvider.Issue([new Claim("sub", "support-demo"), .. BearerTokenTests.Claims("role", roles)]);

        await InvalidTokenResponse.AssertRefusedAsync(app, token, CountProfiles);
    }

    [Fact]
    public async Task IdentityProviderToken_Expired_GetsInvalidTokenChallenge()
    {
        var token = app.IdentityProvider.Issue([new Claim("sub", "management-demo"), new Claim("role", "management")], expires: DateTime.UtcNow.AddMinutes(-2));

        await InvalidTokenResponse.AssertRefusedAsync(app, token, CountProfiles);
    }

    [Fact]
    public async Task IdentityProviderToken_ForAnotherAudience_GetsInvalidTokenChallenge()
    {
        var token = app.IdentityProvider.Issue("management-demo", "management", audience: "another-service");

        await InvalidTokenResponse.AssertRefusedAsync(app, token, CountProfiles);
    }

    [Fact]
    public async Task TokenNamingTheIdentityProvider_SignedWithAnotherKey_GetsInvalidTokenChallenge()
    {
        using var otherRsa = RSA.Create(2048);
        var token = app.IdentityProvider.Issue("management-demo", "management", signingKey: new RsaSecurityKey(otherRsa) { KeyId = "test-idp-key" });

        await InvalidTokenResponse.AssertRefusedAsync(app, token, CountProfiles);
    }

    [Fact]
    public async Task GatewayTokens_WithAnAuthorityConfigured_AreStillAccepted()
    {
        var input = Owners.NewInput("idp-login");
        var profileId = await app.SignUpAsync(input);
        var ownerToken = await app.LoginAsync((string)input["email"]!);

        var me = await app.Client(ownerToken).PostAsync("{ me { id } }");
        var staffCount = await CountAsync(app.StaffToken(DefaultRole.Management, "management-demo"));

        Assert.Equal(profileId.ToString(), me.Ok()["me"]!["id"]!.GetValue<string>());
        Assert.True(staffCount >= DemoDataSeeder.ProfileCount);
    }

    private async Task<int> CountAsync(string token) =>
        (await app.Client(token).PostAsync(CountProfiles)).Ok()["profiles"]!["totalCount"]!.GetValue<int>();
}
