using CloudjetGraph.Core.Errors;
using CloudjetGraph.IntegrationTests.Privacy;
using static CloudjetGraph.IntegrationTests.TrustedDocuments.TrustedDocumentsApplication;

namespace CloudjetGraph.IntegrationTests.TrustedDocuments;

/// <summary>
/// The re-consent gate holds for a trusted (persisted) document as for a document in the body: an
/// owner behind the current policy past its grace period sends the id of an update and gets
/// <c>CONSENT_REQUIRED</c>, until they accept the policy through another trusted document.
/// </summary>
public sealed class TrustedDocumentConsentTests
{
    private const string Update = "mutation UpdateJobTitle { updateMyProfile(input: { jobTitle: \"Trưởng nhóm\" }) { jobTitle } }";
    private const string Accept = "mutation AcceptPolicy($version: String!) { acceptPolicy(version: $version) { upToDate } }";

    [Fact]
    public async Task Owner_BehindPastTheGracePeriod_GetsConsentRequiredOnATrustedUpdateUntilAcceptingThePolicy()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "cloudjet-tests", Guid.NewGuid().ToString("N"));
        var token = await NewerPolicy.SignUpOnTheOldPolicyAsync(dataDirectory);
        await using var app = new TrustedDocumentsApplication([Update, Accept], dataDirectory);
        app.WithNewerPolicy(NewerPolicy.Version, gracePeriod: "00:00:00");
        await app.InitializeAsync();

        var refused = await app.PostIdAsync(IdOf(Update), token: token);
        (await app.PostIdAsync(IdOf(Accept), new { version = NewerPolicy.Version }, token)).Ok();
        var updated = await app.PostIdAsync(IdOf(Update), token: token);

        Assert.Equal([ErrorCodes.ConsentRequired], refused.Codes);
        Assert.Equal("""{"updateMyProfile":null}""", refused.Data?.ToJsonString());
        Assert.Equal("Trưởng nhóm", updated.Ok()["updateMyProfile"]!["jobTitle"]!.GetValue<string>());
    }
}
