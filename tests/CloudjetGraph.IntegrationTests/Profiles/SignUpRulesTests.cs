using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Profiles;

[ProviderSensitive("unique blind-index entries")]
public sealed class SignUpRulesTests(CloudjetApplication app) : IClassFixture<CloudjetApplication>
{
    public static TheoryData<string, object?> MissingConsent => new()
    {
        { "absent", null },
        { "declined", new { accepted = false, policyVersion = "2019-04-22" } },
        { "old version", new { accepted = true, policyVersion = "2018-01-01" } },
    };

    [Theory]
    [MemberData(nameof(MissingConsent))]
    public async Task Anonymous_SignsUpWithoutConsent_GetsConsentRequiredAndNothingIsWritten(string tag, object? consent)
    {
        var before = ProfileCount();
        var input = Owners.NewInput(tag.Replace(' ', '-'));
        input["consent"] = consent;
        input["invitationCode"] = await app.InviteAsync();

        var response = await app.Client().PostAsync(Owners.SignUpMutation, new { input });

        Assert.Equal(["CONSENT_REQUIRED"], response.Codes);
        Assert.Equal("""{"signUp":null}""", response.Data?.ToJsonString());
        Assert.Equal(before, ProfileCount());
        Assert.False(app.InvitationIsUsed((string)input["invitationCode"]!));
    }

    [Fact]
    public async Task Anonymous_SignsUpWithTakenEmail_GetsConflictAndNothingIsWritten()
    {
        await app.SignUpAsync(Owners.NewInput("dup"));
        var before = ProfileCount();
        var again = Owners.NewInput("dup2");
        again["email"] = " Kiem.Thu.DUP@example.vn";
        again["invitationCode"] = await app.InviteAsync();

        var response = await app.Client().PostAsync(Owners.SignUpMutation, new { input = again });

        Assert.Equal(["CONFLICT"], response.Codes);
        Assert.Equal("An account with this email already exists.", response.Errors[0]!["message"]!.GetValue<string>());
        Assert.Equal(before, ProfileCount());
        Assert.False(app.InvitationIsUsed((string)again["invitationCode"]!));
    }

    [Fact]
    public async Task Anonymous_SignsUpNamingAnOrganization_IsRefusedAsUnknownInputField()
    {
        var before = ProfileCount();
        var input = Owners.NewInput("noorg");
        input["invitationCode"] = await app.InviteAsync();
        input["organizationId"] = Owners.OrganizationId(3);

        var response = await app.Client().PostAsync(Owners.SignUpMutation, new { input });

        Assert.Equal(["GRAPHQL_VALIDATION_FAILED"], response.Codes);
        Assert.Equal(before, ProfileCount());
    }

    [Theory]
    [InlineData("email", "not-an-email")]
    [InlineData("password", "short")]
    [InlineData("phone", "call me maybe")]
    [InlineData("fullName", "   ")]
    public async Task Anonymous_SignsUpWithInvalidValue_GetsValidationErrorWithoutTheValue(string field, string value)
    {
        var before = ProfileCount();
        var input = Owners.NewInput($"invalid-{field}");
        input[field] = value;
        input["invitationCode"] = await app.InviteAsync();

        var response = await app.Client().PostAsync(Owners.SignUpMutation, new { input });

        Assert.Equal(["VALIDATION"], response.Codes);
        Assert.Equal(field, response.Errors[0]!["extensions"]!["field"]!.GetValue<string>());
        Assert.DoesNotContain(value.Trim() is { Length: > 0 } shown ? shown : "\u0000", response.Body, StringComparison.Ordinal);
        Assert.Equal(before, ProfileCount());
    }

    [Fact]
    public async Task Anonymous_LogsInWithWrongPasswordOrUnknownEmail_GetsTheSameError()
    {
        await app.SignUpAsync(Owners.NewInput("login"));
        const string Login = "mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }";

        var wrongPassword = await app.Client().PostAsync(Login, new { email = "kiem.thu.login@example.vn", password = "wrong password!" });
        var unknownEmail = await app.Client().PostAsync(Login, new { email = "nobody@example.vn", password = "wrong password!" });

        Assert.Equal(["AUTH_INVALID_CREDENTIALS"], wrongPassword.Codes);
        Assert.Equal(wrongPassword.Body, unknownEmail.Body);
    }

    [Fact]
    public async Task Owner_TokenFromLogin_CarriesOwnerRoleAndExpiry()
    {
        var profileId = await app.SignUpAsync(Owners.NewInput("claims"));
        var response = await app.Client().PostAsync("mutation { login(email: \"kiem.thu.claims@example.vn\", password: \"correct horse battery\") { token expiresAt } }");

        var login = response.Ok()["login"]!;
        var token = new Microsoft.IdentityModel.JsonWebTokens.JsonWebToken(login["token"]!.GetValue<string>());
        Assert.Equal(profileId.ToString(), token.Subject);
        Assert.Equal(DefaultRole.Owner.Name(), token.GetClaim("role").Value);
        var expiresAt = DateTimeOffset.Parse(login["expiresAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(expiresAt - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(55), TimeSpan.FromMinutes(61));
    }

    private int ProfileCount() => app.WithDb(db => db.Profiles.Count());
}
