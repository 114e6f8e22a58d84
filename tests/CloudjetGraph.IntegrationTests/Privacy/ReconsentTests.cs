using System.Security.Cryptography;
using System.Text;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.Profiles;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Privacy;

/// <summary>
/// Policy versions and re-consent: every version is served, and once the current one has been in
/// force longer than the grace period, an owner who has not accepted it may only read, accept,
/// withdraw, export or delete until they accept it.
/// </summary>
public sealed class ReconsentTests
{
    private const string NewVersion = NewerPolicy.Version;
    private const string Update = "mutation { updateMyProfile(input: { jobTitle: \"Trưởng nhóm\" }) { jobTitle } }";
    private const string AcceptPolicy = "mutation($version: String!) { acceptPolicy(version: $version) { upToDate } }";

    [Fact]
    public async Task Owner_BehindPastTheGracePeriod_GetsConsentRequiredOnUpdateButReadsMeUntilAcceptPolicy()
    {
        var (app, owner) = await OwnerBehindAsync(gracePeriod: "1.00:00:00");
        await using var _ = app;

        var refused = await owner.PostAsync(Update);
        var me = await owner.PostAsync("{ me { jobTitle consent { upToDate } } }");
        (await owner.PostAsync(AcceptPolicy, new { version = NewVersion })).Ok();
        var updated = await owner.PostAsync(Update);

        Assert.Equal([ErrorCodes.ConsentRequired], refused.Codes);
        Assert.Null(refused.Data?["updateMyProfile"]);
        Assert.False(me.Ok()["me"]!["consent"]!["upToDate"]!.GetValue<bool>());
        Assert.NotEqual("Trưởng nhóm", me.Ok()["me"]!["jobTitle"]?.GetValue<string>());
        Assert.Equal("Trưởng nhóm", updated.Ok()["updateMyProfile"]!["jobTitle"]!.GetValue<string>());
    }

    [Fact]
    public async Task Owner_BehindWithinTheGracePeriod_StillUpdates()
    {
        var (app, owner) = await OwnerBehindAsync(gracePeriod: "3650.00:00:00");
        await using var _ = app;

        Assert.Equal("Trưởng nhóm", (await owner.PostAsync(Update)).Ok()["updateMyProfile"]!["jobTitle"]!.GetValue<string>());
    }

    [Fact]
    public async Task Owner_BehindPastTheGracePeriod_StillExportsTheirData()
    {
        var (app, owner) = await OwnerBehindAsync(gracePeriod: "00:00:00");
        await using var _ = app;

        var export = await owner.PostAsync("mutation { exportMyData }");

        Assert.Contains("2019-04-22", export.Ok()["exportMyData"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mutation { a: exportMyData b: updateMyProfile(input: { jobTitle: \"Trưởng nhóm\" }) { jobTitle } }", "b")]
    [InlineData("mutation { exportMyData stillMe: updateMyProfile(input: { jobTitle: \"Trưởng nhóm\" }) { jobTitle } }", "stillMe")]
    [InlineData("mutation { ...Edit } fragment Edit on Mutation { updateMyProfile(input: { jobTitle: \"Trưởng nhóm\" }) { jobTitle } }", "updateMyProfile")]
    public async Task Owner_BehindHidesTheUpdateBehindAnAliasBatchOrFragment_StillGetsConsentRequiredThere(string document, string refusedAt)
    {
        var (app, owner) = await OwnerBehindAsync(gracePeriod: "00:00:00");
        await using var _ = app;

        var response = await owner.PostAsync(document);

        Assert.Equal(ErrorCodes.ConsentRequired, response.ErrorAt(refusedAt)?["extensions"]?["code"]?.GetValue<string>());
        Assert.Null(response.Data?[refusedAt]);
        Assert.Equal([ErrorCodes.ConsentRequired], response.Codes);
    }

    [Fact]
    public async Task Anonymous_ReadsAnOlderPolicyVersion_GetsItsDateAndHashAndTheCurrentOneItsText()
    {
        await using var app = new CloudjetApplication().WithNewerPolicy(NewVersion);
        await app.InitializeAsync();

        var old = (await app.Client().PostAsync("{ privacyPolicy(version: \"2019-04-22\") { version effectiveDate current text sha256 } }")).Ok();
        var current = (await app.Client().PostAsync("{ privacyPolicy { version current text sha256 } }")).Ok();

        Assert.Equal(
            """{"privacyPolicy":{"version":"2019-04-22","effectiveDate":"2019-04-22","current":false,"text":null,"sha256":"3ede4ce1cdabc7c41d530cc3718ad4b4937327681dbbf7f9adbd30084bc65ab7"}}""",
            old.ToJsonString());
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(NewerPolicy.Text)));
        Assert.Equal((NewVersion, true, NewerPolicy.Text, sha256), (
            current["privacyPolicy"]!["version"]!.GetValue<string>(), current["privacyPolicy"]!["current"]!.GetValue<bool>(),
            current["privacyPolicy"]!["text"]!.GetValue<string>(), current["privacyPolicy"]!["sha256"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("2019-04-23")]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("")]
    public async Task Anonymous_ReadsAnUnknownPolicyVersion_GetsNotFoundThatNeverRepeatsTheInput(string version)
    {
        await using var app = new CloudjetApplication();
        await app.InitializeAsync();

        var response = await app.Client().PostAsync("query($v: String) { privacyPolicy(version: $v) { version } }", new { v = version });

        Assert.Equal([ErrorCodes.NotFound], response.Codes);
        Assert.Equal("No privacy policy version has that name; omit version for the one in force.", response.Errors[0]!["message"]!.GetValue<string>());
        if (version.Length > 0)
        {
            Assert.DoesNotContain(version, response.Body, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void CommittedText_OfTheBuiltInVersion_HasTheHashConfigurationPins()
    {
        var text = File.ReadAllBytes(Path.Combine(RepositoryRoot.Path, "docs", "policy", "2019-04-22.vi.txt"));

        Assert.Equal(PolicyVersionsParser.BuiltIn.Sha256, Convert.ToHexStringLower(SHA256.HashData(text)));
    }

    // An owner who accepted 2019-04-22, on a gateway whose current version is newer, in force since 2026-07-01.
    private static async Task<(CloudjetApplication App, GraphQLClient Owner)> OwnerBehindAsync(string gracePeriod)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "cloudjet-tests", Guid.NewGuid().ToString("N"));
        var token = await NewerPolicy.SignUpOnTheOldPolicyAsync(dataDirectory);
        var app = new CloudjetApplication { DataDirectory = dataDirectory }.WithNewerPolicy(NewVersion, gracePeriod);
        await app.InitializeAsync();
        return (app, app.Client(token));
    }
}
