using System.Text.Json.Nodes;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Onboarding;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Retention;

/// <summary>
/// <c>retention run</c> deletes invitations that expired unused, with their blind index, and prunes
/// old anonymous refusals from the audit trail under a checkpoint that <c>audit verify</c> accepts;
/// it keeps open and used invitations, staff entries of any age, and recent refusals; it records
/// itself with its counts, asks for confirmation, and two runs at once prune each entry once.
/// </summary>
[ProviderSensitive("deletes audit entries under the trail's lock and compares stored instants")]
public sealed class RetentionRunTests
{
    [Fact]
    public async Task Cli_RunsRetention_DeletesTheExpiredInvitationAndItsBlindIndexOnly()
    {
        await using var scenario = await RetentionScenario.CreateAsync();

        var (exitCode, output, error) = await scenario.RunCliAsync();

        Assert.True(exitCode == 0, error);
        Assert.StartsWith("Retention done: 1 expired invitations deleted, 2 anonymous refusals pruned under checkpoint(s) ", output, StringComparison.Ordinal);
        Assert.False(scenario.InvitationExists(scenario.ExpiredCode));
        Assert.False(scenario.App.WithDb(db => db.Invitations.AsEnumerable().Any(i => i.EmailIndex is { } index && index.AsSpan().SequenceEqual(scenario.ExpiredEmailIndex))));
        Assert.True(scenario.App.WithDb(db => db.Invitations.Any(i => i.UsedByProfileId == scenario.UsedBy)));
    }

    [Fact]
    public async Task Cli_RunsRetention_PrunesOnlyOldAnonymousRefusalsAndVerifyStillPasses()
    {
        await using var scenario = await RetentionScenario.CreateAsync();
        var before = AuditTrailRows.Head(scenario.App);

        (await scenario.RunCliAsync()).AssertDone();
        var (exitCode, output, error) = await scenario.VerifyAsync();

        Assert.True(exitCode == 0, error);
        Assert.Contains($"{before + 2} entries verified, 2 of them pruned by retention and attested by checkpoints", output, StringComparison.Ordinal);
        Assert.Equal((0, 0, 1, 1), Kept(scenario));
        var checkpoint = Assert.Single(scenario.Checkpoints());
        Assert.Equal((PrivacyOperationNames.PruneRefusals, "cli"), (checkpoint.Operation, checkpoint.ActorRole));
        Assert.StartsWith("pruned=2; before=", checkpoint.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_RunsRetentionWithLongerPeriods_KeepsWhatIsYoungerThanThem()
    {
        await using var scenario = await RetentionScenario.CreateAsync();
        var settings = Custodian.SettingsOf(scenario.App);
        settings["Retention:ExpiredInvitationDays"] = "120";
        settings["Retention:AnonymousRefusalDays"] = "120";

        var (_, output, _) = await Custodian.RetentionAsync(settings, "run", "--yes");

        Assert.Equal("Retention done: 0 expired invitations deleted, 0 anonymous refusals pruned.", output.Trim());
        Assert.True(scenario.InvitationExists(scenario.ExpiredCode));
        Assert.Equal((1, 1, 1, 1), Kept(scenario));
        Assert.Empty(scenario.Checkpoints());
    }

    [Fact]
    public async Task Cli_RunsRetention_RecordsTheRunWithItsCounts()
    {
        await using var scenario = await RetentionScenario.CreateAsync();

        var (_, output, _) = await scenario.RunCliAsync("run", "--yes", "--json");

        var record = (await CustodianRecord.ReadAsync(scenario.App))[^1];
        var checkpoint = Assert.Single(JsonNode.Parse(output)!["checkpoints"]!.AsArray())!.GetValue<long>();
        Assert.Equal((PrivacyOperationNames.RetentionRun, "cli", OperationOutcomes.Succeeded), (record.Operation, record.ActorRole, record.Outcome));
        Assert.Equal($"invitations=1; refusals=2; checkpoints={checkpoint}", record.Detail);
    }

    [Fact]
    public async Task Cli_RunsRetentionWithoutYes_ExitsUsageAndDeletesNothing()
    {
        await using var scenario = await RetentionScenario.CreateAsync();
        var before = AuditTrailRows.Count(scenario.App);

        var (exitCode, output, _) = await scenario.RunCliAsync("run");

        Assert.Equal((2, string.Empty), (exitCode, output));
        Assert.True(scenario.InvitationExists(scenario.ExpiredCode));
        Assert.Equal(before, AuditTrailRows.Count(scenario.App));
    }

    [Fact]
    public async Task Cli_RunsRetentionTwice_TheSecondPrunesNothingAndTheChainHolds()
    {
        await using var scenario = await RetentionScenario.CreateAsync();

        (await scenario.RunCliAsync()).AssertDone();
        var (_, second, _) = await scenario.RunCliAsync();

        Assert.Equal("Retention done: 0 expired invitations deleted, 0 anonymous refusals pruned.", second.Trim());
        Assert.Equal(0, (await scenario.VerifyAsync()).ExitCode);
    }

    [Fact]
    public async Task TwoInstances_RunRetentionAtOnce_PruneEachEntryOnceUnderOneChain()
    {
        await using var scenario = await RetentionScenario.CreateAsync();

        var runs = await Task.WhenAll(scenario.RunCliAsync("run", "--yes", "--json"), scenario.RunCliAsync("run", "--yes", "--json"));

        Assert.All(runs, run => run.AssertDone());
        var results = runs.Select(run => JsonNode.Parse(run.Output)!).ToList();
        Assert.Equal((1, 2), (results.Sum(r => r["invitations"]!.GetValue<int>()), results.Sum(r => r["refusals"]!.GetValue<int>())));
        Assert.Single(scenario.Checkpoints());
        Assert.Equal(0, (await scenario.VerifyAsync()).ExitCode);
    }

    // The old anonymous refusals, the staff refusal and the staff release still in the trail.
    private static (int, int, int, int) Kept(RetentionScenario scenario) =>
        (scenario.Entries(AuditEntryKinds.Denial, RetentionScenario.OldRefusalA), scenario.Entries(AuditEntryKinds.Denial, RetentionScenario.OldRefusalB),
         scenario.Entries(AuditEntryKinds.Denial, RetentionScenario.StaffRefusal), scenario.Entries(AuditEntryKinds.Release, RetentionScenario.StaffRelease));
}
