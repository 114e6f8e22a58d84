using CloudjetGraph.Core.Audit;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.IntegrationTests.Retention;

/// <summary>
/// After a retention run, what a tamperer with write access to the database does to pass off a
/// deletion as retention fails <c>audit verify</c>: deleting an entry retention keeps, storing it as
/// pruned under the real checkpoint, editing the checkpoint, or storing it as pruned under an entry
/// that is no checkpoint.
/// </summary>
[ProviderSensitive("edits the audit chain's stored rows with SQL and verifies the chain")]
public sealed class RetentionTamperTests
{
    [Fact]
    public async Task Custodian_DeletesAReleaseAfterPruning_VerifyNamesTheMissingEntry()
    {
        await using var scenario = await RetentionScenario.PrunedAsync();
        var release = AuditTrailRows.Release(scenario.App, RetentionScenario.StaffRelease).Sequence;

        await TrailTampering.DeleteAsync(scenario.App, release);

        var error = await scenario.AssertVerifyBrokenAtAsync(release);
        Assert.Contains("missing", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Custodian_StoresAReleaseAsPrunedUnderTheCheckpoint_VerifyNamesTheCheckpoint()
    {
        await using var scenario = await RetentionScenario.PrunedAsync();
        var release = AuditTrailRows.Release(scenario.App, RetentionScenario.StaffRelease);
        var checkpoint = Assert.Single(scenario.Checkpoints()).Sequence;

        await TrailTampering.DeleteAsync(scenario.App, release.Sequence);
        await TrailTampering.StorePrunedAsync(scenario.App, release, checkpoint);

        var error = await scenario.AssertVerifyBrokenAtAsync(checkpoint);
        Assert.Contains($"checkpoint {checkpoint} does not match", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Custodian_StoresAReleaseAsPrunedUnderAnotherEntry_VerifyNamesTheRelease()
    {
        await using var scenario = await RetentionScenario.PrunedAsync();
        var release = AuditTrailRows.Release(scenario.App, RetentionScenario.StaffRelease);

        await TrailTampering.DeleteAsync(scenario.App, release.Sequence);
        await TrailTampering.StorePrunedAsync(scenario.App, release, AuditTrailRows.Head(scenario.App));

        var error = await scenario.AssertVerifyBrokenAtAsync(release.Sequence);
        Assert.Contains("no checkpoint after it attests it", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Custodian_EditsTheCheckpointsDigest_VerifyNamesTheCheckpoint()
    {
        await using var scenario = await RetentionScenario.PrunedAsync();
        var checkpoint = Assert.Single(scenario.Checkpoints());

        await scenario.App.ExecuteSqlAsync("UPDATE AuditEntries SET Detail = $d WHERE Sequence = $s", ("$d", checkpoint.Detail[..^1] + (checkpoint.Detail[^1] == '0' ? '1' : '0')), ("$s", checkpoint.Sequence));

        await scenario.AssertVerifyBrokenAtAsync(checkpoint.Sequence);
    }

    [Fact]
    public async Task Custodian_AltersAPrunedEntrysLink_VerifyNamesTheEntryAfterIt()
    {
        await using var scenario = await RetentionScenario.PrunedAsync();
        var pruned = scenario.App.WithDb(db => db.AuditPrunedEntries.AsNoTracking().OrderByDescending(p => p.Sequence).First());
        pruned.Link[0] ^= 0x01;

        await scenario.App.ExecuteSqlAsync("UPDATE AuditPrunedEntries SET Link = $l WHERE Sequence = $s", ("$l", pruned.Link), ("$s", pruned.Sequence));

        await scenario.AssertVerifyBrokenAtAsync(pruned.Sequence + 1);
    }
}
