using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Onboarding;

/// <summary>
/// One account per address whatever form its domain is written in: the Unicode form
/// (<c>bücher.vn</c>) and the ASCII form IDNA gives it (<c>xn--bcher-kva.vn</c>) are one address for
/// sign-up, login, invitations and search, and a domain IDNA refuses never reaches a 500.
/// </summary>
[ProviderSensitive("blind-index lookups and the unique login-email index in SQL")]
public sealed class InternationalDomainTests(CloudjetApplication app) : IClassFixture<CloudjetApplication>
{
    private const string UnicodeDomain = "bücher.vn";
    private const string AsciiDomain = "xn--bcher-kva.vn";
    private const string ByEmail = "query($email: String) { profiles(where: { email: $email }) { totalCount nodes { id } } }";
    private const string Login = "mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token } }";

    public static TheoryData<string> DomainsIdnaRefuses => new()
    {
        "xn--.vn", // empty punycode
        "xn--bcher-kva-.vn", // a label ending in a hyphen
        "xn--a-ecp.vn", // punycode that decodes to a disallowed code point
        "exa_mple.vn", // not a host name character
        new string('a', 64) + ".vn", // a label over 63 octets
        "b\u2474.vn", // a code point STD3 rules disallow (a parenthesised digit)
    };

    [Theory]
    [InlineData(AsciiDomain, UnicodeDomain)]
    [InlineData(UnicodeDomain, "XN--BCHER-KVA.VN")]
    public async Task Anonymous_SignsUpUnderAnIdnDomain_LogsInWithEitherFormAndSeesTheUnicodeForm(string signedUpUnder, string otherForm)
    {
        var local = NewLocalPart();
        await app.SignUpAsync(Input(local, signedUpUnder));

        await app.LoginAsync($"{local}@{signedUpUnder}");
        var token = await app.LoginAsync($"{local}@{otherForm}");

        var me = (await app.Client(token).PostAsync("{ me { email loginEmail } }")).Ok()["me"]!;
        Assert.Equal($"{local}@{UnicodeDomain}", me["email"]!.GetValue<string>());
        Assert.Equal($"{local}@{UnicodeDomain}", me["loginEmail"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(AsciiDomain, "Bücher.vn")]
    [InlineData(UnicodeDomain, AsciiDomain)]
    public async Task Anonymous_SignsUpWithAnInvitationBoundToOneForm_IsAcceptedWithTheOther(string boundTo, string signsUpWith)
    {
        var local = NewLocalPart();
        var code = await app.InviteAsync(email: $"{local}@{boundTo}");
        var input = Input(local, signsUpWith);
        input["invitationCode"] = code;

        (await app.Client().PostAsync(Owners.SignUpMutation, new { input })).Ok();

        Assert.True(app.InvitationIsUsed(code));
    }

    [Fact]
    public async Task Management_SearchesByEitherForm_FindsTheOneAccount()
    {
        var local = NewLocalPart();
        var profileId = await app.SignUpAsync(Input(local, UnicodeDomain));
        var management = app.Client(app.StaffToken(DefaultRole.Management, "management-demo"));

        foreach (var spelling in new[] { $"{local}@{UnicodeDomain}", $"{local}@{AsciiDomain}", $"{local.ToUpperInvariant()}@XN--BCHER-KVA.VN" })
        {
            var profiles = (await management.PostAsync(ByEmail, new { email = spelling })).Ok()["profiles"]!;
            Assert.Equal(1, profiles["totalCount"]!.GetValue<int>());
            Assert.Equal(profileId, Guid.Parse(profiles["nodes"]![0]!["id"]!.GetValue<string>()));
        }
    }

    [Fact]
    public async Task Anonymous_SignsUpAgainWithTheOtherForm_GetsTheSameConflictAsWithTheSameForm()
    {
        var local = NewLocalPart();
        await app.SignUpAsync(Input(local, AsciiDomain));
        var before = ProfileCount();

        var sameForm = await SignUpWithNewInvitationAsync(Input(local, AsciiDomain));
        var otherForm = await SignUpWithNewInvitationAsync(Input(local, UnicodeDomain));

        Assert.Equal(["CONFLICT"], otherForm.Codes);
        Assert.Equal(sameForm.Body, otherForm.Body);
        Assert.Equal(before, ProfileCount());
    }

    [Fact]
    public async Task Anonymous_SignsUpWithTheOtherFormOfATakenAddressAndNoInvitation_GetsTheSameAnswerAsAFreeAddress()
    {
        var local = NewLocalPart();
        await app.SignUpAsync(Input(local, AsciiDomain));
        var taken = Input(local, UnicodeDomain);
        var free = Input(NewLocalPart(), UnicodeDomain);
        taken["invitationCode"] = free["invitationCode"] = "not-an-invitation";

        var takenResponse = await app.Client().PostAsync(Owners.SignUpMutation, new { input = taken });
        var freeResponse = await app.Client().PostAsync(Owners.SignUpMutation, new { input = free });

        Assert.Equal(["INVITATION_INVALID"], takenResponse.Codes);
        Assert.Equal(freeResponse.Body, takenResponse.Body);
    }

    [Theory]
    [MemberData(nameof(DomainsIdnaRefuses))]
    public async Task Anonymous_SignsUpUnderADomainIdnaRefuses_GetsValidationAndNothingIsWritten(string domain)
    {
        var before = ProfileCount();
        var input = Input(NewLocalPart(), domain);
        input["invitationCode"] = await app.InviteAsync();

        var response = await app.Client().PostAsync(Owners.SignUpMutation, new { input });

        Assert.Equal(["VALIDATION"], response.Codes);
        Assert.Equal("email", response.Errors[0]!["extensions"]!["field"]!.GetValue<string>());
        Assert.Equal(before, ProfileCount());
        Assert.False(app.InvitationIsUsed((string)input["invitationCode"]!));
    }

    [Theory]
    [MemberData(nameof(DomainsIdnaRefuses))]
    public async Task Management_InvitesAnAddressUnderADomainIdnaRefuses_GetsValidation(string domain)
    {
        var management = app.Client(app.StaffToken(DefaultRole.Management, "management-demo"));

        var response = await management.PostAsync(
            Owners.CreateInvitationMutation, new { input = new { organizationId = Owners.OrganizationId(1), email = $"{NewLocalPart()}@{domain}" } });

        Assert.Equal(["VALIDATION"], response.Codes);
        Assert.Equal("email", response.Errors[0]!["extensions"]!["field"]!.GetValue<string>());
    }

    // Login answers every failure alike, and search finds nothing: no stored address has such a domain.
    [Theory]
    [MemberData(nameof(DomainsIdnaRefuses))]
    public async Task Anonymous_LogsInOrManagementSearchesUnderADomainIdnaRefuses_GetsInvalidCredentialsAndNoMatch(string domain)
    {
        var email = $"{NewLocalPart()}@{domain}";

        var login = await app.Client().PostAsync(Login, new { email, password = Owners.Password });
        var search = await app.Client(app.StaffToken(DefaultRole.Management, "management-demo")).PostAsync(ByEmail, new { email });

        Assert.Equal(["AUTH_INVALID_CREDENTIALS"], login.Codes);
        Assert.Equal(0, search.Ok()["profiles"]!["totalCount"]!.GetValue<int>());
    }

    private static string NewLocalPart() => $"kiem.thu.idn.{Guid.NewGuid():N}"[..30];

    private static Dictionary<string, object?> Input(string localPart, string domain)
    {
        var input = Owners.NewInput(localPart[^8..]);
        input["email"] = $"{localPart}@{domain}";
        return input;
    }

    private async Task<GraphQLResponse> SignUpWithNewInvitationAsync(Dictionary<string, object?> input)
    {
        input["invitationCode"] = await app.InviteAsync();
        return await app.Client().PostAsync(Owners.SignUpMutation, new { input });
    }

    private int ProfileCount() => app.WithDb(db => db.Profiles.Count());
}
