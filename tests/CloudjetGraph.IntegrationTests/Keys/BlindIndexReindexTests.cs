using CloudjetGraph.Core.Onboarding;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.Core.Seeding;
using CloudjetGraph.IntegrationTests.Infrastructure;
using static CloudjetGraph.IntegrationTests.Keys.BlindIndexRotation;

namespace CloudjetGraph.IntegrationTests.Keys;

/// <summary>
/// Blind-index rotation and <c>keys reindex</c> (issue 6): after the index key rotates, login,
/// sign-up uniqueness, invitation binding and search by email work with entries under either key,
/// half-way through the reindex and after it, and the census follows the entries from the old key
/// to the new one. Each test has its own host, since it rotates a key.
/// </summary>
[ProviderSensitive("reindex batches")]
public sealed class BlindIndexReindexTests
{
    [Fact]
    public async Task Custodian_ReindexesAfterIndexKeyRotation_LoginSearchAndSignUpWorkHalfwayAndAfter()
    {
        await using var host = new CloudjetApplication().With("RateLimits:SignUpsPerAddressPerMinute", "100");
        await host.InitializeAsync();
        var early = await host.SignUpAsync(Owners.NewInput("reindex-early"));
        var late = await host.SignUpAsync(Owners.NewInput("reindex-late"));
        var duplicateBefore = await SignUpAgainAsync(host, "reindex-late");
        var profiles = host.WithDb(db => db.Profiles.LongCount());
        var oldKey = ActiveKey(host);
        await AssertCensusAsync(host, 0, (oldKey, 2 * profiles));

        var newKey = await RotateAsync(host);

        // Half-way: every row up to the early account is under the new key, the late one is not.
        var upToEarly = host.WithDb(db => db.Profiles.Count(p => p.Id.CompareTo(early) <= 0));
        Assert.Equal(profiles, await PendingAsync(host));
        Assert.Equal(new(upToEarly, upToEarly, 0, early), await BatchAsync(host, null, upToEarly));
        Assert.Equal(profiles - upToEarly, await PendingAsync(host));
        await AssertCensusAsync(host, 0, (oldKey, 2 * (profiles - upToEarly)), (newKey, 2L * upToEarly));
        await AssertEverythingAnswersAsync(host, early, late, duplicateBefore);

        // A sign-up during the job is indexed under the new key only.
        var joined = await host.SignUpAsync(Owners.NewInput("reindex-joined"));
        Assert.Equal([joined], await SearchAsync(host, EmailOf("reindex-joined")));
        Assert.Equal(profiles - upToEarly, await PendingAsync(host));

        // The rest by the custodian's verb, in small batches; a second run finds nothing to do.
        var (exitCode, stdout, stderr) = await Custodian.KeysAsync(Custodian.SettingsOf(host), "reindex", "--batch", "7");
        Assert.True(exitCode == 0, stderr);
        Assert.EndsWith(Report(profiles - upToEarly, dropped: 0, open: 0), stdout.Trim(), StringComparison.Ordinal);
        var again = await Custodian.KeysAsync(Custodian.SettingsOf(host), "reindex");
        Assert.Equal((0, NothingToDo(dropped: 0, open: 0)), (again.ExitCode, again.Output.Trim()));

        Assert.Equal(0, await PendingAsync(host));
        await AssertCensusAsync(host, 0, (oldKey, 0), (newKey, 2 * (profiles + 1)));
        await AssertEverythingAnswersAsync(host, early, late, duplicateBefore);
    }

    [Fact]
    public async Task Owner_SignsUpWithInvitationBoundBeforeIndexKeyRotation_IsAcceptedAndOtherEmailsRefused()
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        var code = await host.InviteAsync(email: EmailOf("bound-rotated"));
        var open = await host.InviteAsync(email: EmailOf("bound-open"));
        var oldKey = ActiveKey(host);
        var newKey = await RotateAsync(host);

        // The invitations' entries stay under the old key (their addresses are not stored to recompute them).
        await AssertCensusAsync(host, 0, (oldKey, 2 * host.WithDb(db => db.Profiles.LongCount()) + 2), (newKey, 0));
        var other = Owners.NewInput("bound-other");
        other["invitationCode"] = code;
        var refused = await host.Client().PostAsync(Owners.SignUpMutation, new { input = other });
        var input = Owners.NewInput("bound-rotated");
        input["invitationCode"] = code;
        var accepted = await host.Client().PostAsync(Owners.SignUpMutation, new { input });

        Assert.Equal(["INVITATION_INVALID"], refused.Codes);
        var profileId = Guid.Parse(accepted.Ok()["signUp"]!["profileId"]!.GetValue<string>());
        Assert.Equal(profileId, await OwnIdAsync(host, EmailOf("bound-rotated")));

        // The reindex drops the used invitation's entry; the open one keeps its own under the old key, and still works.
        var profiles = host.WithDb(db => db.Profiles.LongCount());
        var (exitCode, stdout, stderr) = await Custodian.KeysAsync(Custodian.SettingsOf(host), "reindex");
        Assert.True(exitCode == 0, stderr);
        Assert.EndsWith(Report(profiles - 1, dropped: 1, open: 1), stdout.Trim(), StringComparison.Ordinal);
        await AssertCensusAsync(host, 0, (oldKey, 1), (newKey, 2 * profiles));
        Assert.Null(host.WithDb(db => db.Invitations.Single(i => i.UsedByProfileId == profileId).EmailIndex));
        var late = Owners.NewInput("bound-open");
        late["invitationCode"] = open;
        Assert.NotNull((await host.Client().PostAsync(Owners.SignUpMutation, new { input = late })).Ok()["signUp"]);
    }

    [Fact]
    public async Task Custodian_ReindexesWithBadBatchSize_GetsOneLineAndErrorCode()
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();

        var (exitCode, stdout, stderr) = await Custodian.KeysAsync(Custodian.SettingsOf(host), "reindex", "--batch", "0");

        Assert.Equal((2, string.Empty, "keys reindex: --batch must be 1-100000 and --rate at least 1."), (exitCode, stdout, stderr.Trim()));
    }

    private static string Report(long reindexed, int dropped, int open) =>
        $"keys reindex all: done; {reindexed} examined, {reindexed} changed, 0 changed concurrently.{Environment.NewLine}" + Dropped(dropped, open);

    private static string NothingToDo(int dropped, int open) => $"keys reindex all: nothing to do.{Environment.NewLine}" + Dropped(dropped, open);

    private static string Dropped(int dropped, int open) =>
        $"Dropped the entries of {dropped} used or expired invitation(s); {open} open invitation(s) keep theirs under an older key until used or expired.";

    private static async Task<string> SignUpAgainAsync(CloudjetApplication host, string tag)
    {
        var again = Owners.NewInput($"{tag}-again");
        again["email"] = EmailOf(tag).ToUpperInvariant();
        again["invitationCode"] = await host.InviteAsync();
        var response = await host.Client().PostAsync(Owners.SignUpMutation, new { input = again });
        Assert.Equal(["CONFLICT"], response.Codes);
        return response.Body;
    }

    // Login, search and sign-up uniqueness for an account under each key, and the demo owner's.
    private static async Task AssertEverythingAnswersAsync(CloudjetApplication host, Guid early, Guid late, string duplicateBefore)
    {
        Assert.Equal(early, await OwnIdAsync(host, EmailOf("reindex-early")));
        Assert.Equal(late, await OwnIdAsync(host, EmailOf("reindex-late")));
        Assert.NotNull(await host.LoginAsync(DemoDataSeeder.DemoOwnerEmail, DemoDataSeeder.DemoOwnerPassword));
        Assert.Equal([early], await SearchAsync(host, EmailOf("reindex-early")));
        Assert.Equal([late], await SearchAsync(host, EmailOf("reindex-late").ToUpperInvariant()));
        Assert.Equal(duplicateBefore, await SignUpAgainAsync(host, "reindex-late"));
        Assert.Equal(duplicateBefore, await SignUpAgainAsync(host, "reindex-early"));
    }
}
