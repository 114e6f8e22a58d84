using System.Security.Cryptography;
using CloudjetGraph.Core.Authorization;
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
        var viaGateway = await CountAsync(app.StaffToken(Role.Sales, "sales-demo"));
        var all = await CountAsync(app.StaffToken(Role.Management, "management-demo"));

        Assert.Equal(viaGateway, viaIdentityProvider);
        Assert.InRange(viaIdentityProvider, DemoDataSeeder.ProfileCount / 2, all - (DemoDataSeeder.ProfileCount / 2));
    }

    [Fact]
    public async Task IdentityProviderToken_ClaimingToOwnAProfile_IsTreatedAsAnonymous()
    {
        var profileId = await app.SignUpAsync(Owners.NewInput("idp-owner"));
        var token = app.IdentityProvider.Issue(profileId.ToString(), "owner");

        var response = await app.Client(token).PostAsync("{ me { id fullName } }");

        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], response.Codes);
        Assert.Null(response.Data!["me"]);
    }

    [Fact]
    public async Task IdentityProviderToken_ForAnotherAudience_IsTreatedAsAnonymous()
    {
        var token = app.IdentityProvider.Issue("management-demo", "management", audience: "another-service");

        var response = await app.Client(token).PostAsync(CountProfiles);

        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], response.Codes);
    }

    [Fact]
    public async Task TokenNamingTheIdentityProvider_SignedWithAnotherKey_IsTreatedAsAnonymous()
    {
        using var otherRsa = RSA.Create(2048);
        var token = app.IdentityProvider.Issue("management-demo", "management", signingKey: new RsaSecurityKey(otherRsa) { KeyId = "test-idp-key" });

        var response = await app.Client(token).PostAsync(CountProfiles);

        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], response.Codes);
    }

    [Fact]
    public async Task GatewayTokens_WithAnAuthorityConfigured_AreStillAccepted()
    {
        var input = Owners.NewInput("idp-login");
        var profileId = await app.SignUpAsync(input);
        var ownerToken = await app.LoginAsync((string)input["email"]!);

        var me = await app.Client(ownerToken).PostAsync("{ me { id } }");
        var staffCount = await CountAsync(app.StaffToken(Role.Management, "management-demo"));

        Assert.Equal(profileId.ToString(), me.Ok()["me"]!["id"]!.GetValue<string>());
        Assert.True(staffCount >= DemoDataSeeder.ProfileCount);
    }

    private async Task<int> CountAsync(string token) =>
        (await app.Client(token).PostAsync(CountProfiles)).Ok()["profiles"]!["totalCount"]!.GetValue<int>();
}
