using System.Security.Cryptography;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.KeyRing;
using CloudjetGraph.Core.Protection;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.IntegrationTests.Retention;

/// <summary>
/// A retention checkpoint is sealed with a key the database does not hold. Someone with write access
/// to the database recomputes every link after what they change, so the chain alone holds; the seal
/// does not: a forged checkpoint (sealed with a made-up seal, or unsealed after sealed ones), an edited
/// one, one moved to another place, and one over another set of pruned entries each fail
/// <c>audit verify</c>. A trail whose checkpoints predate seals still verifies.
/// </summary>
[ProviderSensitive("edits the audit chain's stored rows and verifies the chain")]
public sealed class CheckpointSealTests
{
    [Fact]
    public async Task Custodian_ForgesASealedCheckpointOverADeletedRelease_VerifyNamesTheForgery()
    {
        await using var scenario = await RetentionScenario.PrunedAsync();
        var keyId = KeyOf(Assert.Single(scenario.Checkpoints()));

        var forged = await ForgeCheckpointAsync(scenario, detail => AuditCheckpointFormat.Sealed(detail, keyId, RandomNumberGenerator.GetBytes(32)));

        var error = await scenario.AssertVerifyBrokenAtAsync(forged);
        Assert.Contains($"checkpoint {forged} fails its seal", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Custodian_ForgesAnUnsealedCheckpointAfterASealedOne_VerifyNamesTheForgery()
    {
        await using var scenario = await RetentionScenario.PrunedAsync();
        var sealedOne = Assert.Single(scenario.Checkpoints()).Sequence;

        var forged = await ForgeCheckpointAsync(scenario, detail => detail);

        var error = await scenario.AssertVerifyBrokenAtAsync(forged);
        Assert.Contains($"checkpoint {forged} carries no seal, though checkpoint {sealedOne} before it does", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Custodian_EditsTheCheckpointsCutOffAndRelinks_VerifyNamesTheCheckpoint()
    {
        await using var scenario = await RetentionScenario.PrunedAsync();
        var checkpoint = Assert.Single(scenario.Checkpoints()).Sequence;

        await TrailTampering.EditDetailAndRelinkAsync(scenario.App, checkpoint, detail => detail.Replace("before=", "before=1", StringComparison.Ordinal));

        var error = await scenario.AssertVerifyBrokenAtAsync(checkpoint);
        Assert.Contains($"checkpoint {checkpoint} fails its seal", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Custodian_MovesTheCheckpointAfterTheNextEntryAndRelinks_VerifyNamesItsNewPlace()
    {
        await using var scenario = await RetentionScenario.PrunedAsync();
        var checkpoint = Assert.Single(scenario.Checkpoints()).Sequence;
        Assert.True(AuditTrailRows.Head(scenario.App) > checkpoint, "The run records itself after its checkpoint.");

        // The pruned entries follow it, so its digest still matches them: only the seal knows its place.
        await scenario.App.ExecuteSqlAsync(
            "UPDATE AuditEntries SET Sequence = -1 WHERE Sequence = $s; UPDATE AuditEntries SET Sequence = $s WHERE Sequence = $n; "
            + "UPDATE AuditEntries SET Sequence = $n WHERE Sequence = -1; UPDATE AuditPrunedEntries SET CheckpointSequence = $n WHERE CheckpointSequence = $s",
            ("$s", checkpoint),
            ("$n", checkpoint + 1));
        await TrailTampering.RelinkFromAsync(scenario.App, checkpoint);

        var error = await scenario.AssertVerifyBrokenAtAsync(checkpoint + 1);
        Assert.Contains($"checkpoint {checkpoint + 1} fails its seal", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Custodian_AddsAKeptRefusalToTheCheckpointsPrunedEntriesAndRelinks_VerifyNamesTheCheckpoint()
    {
        await using var scenario = await RetentionScenario.PrunedAsync();
        var checkpoint = Assert.Single(scenario.Checkpoints()).Sequence;
        var staffRefusal = Assert.Single(AuditTrailRows.Of(scenario.App, AuditEntryKinds.Denial, RetentionScenario.StaffRefusal));

        // Retention keeps a signed-in caller's refusal; the tamperer passes its deletion off as retention.
        await TrailTampering.DeleteAsync(scenario.App, staffRefusal.Sequence);
        await TrailTampering.StorePrunedAsync(scenario.App, staffRefusal, checkpoint);
        var pruned = scenario.App.WithDb(db => db.AuditPrunedEntries.AsNoTracking().Where(p => p.CheckpointSequence == checkpoint).OrderBy(p => p.Sequence).ToList());
        var digest = Convert.ToHexStringLower(AuditCheckpointFormat.Digest(pruned));
        await TrailTampering.EditDetailAndRelinkAsync(
            scenario.App,
            checkpoint,
            detail => detail.Replace("pruned=2", $"pruned={pruned.Count}", StringComparison.Ordinal)
                .Replace(Convert.ToHexStringLower(AuditCheckpointFormat.DigestOf(detail)!), digest, StringComparison.Ordinal));

        var error = await scenario.AssertVerifyBrokenAtAsync(checkpoint);
        Assert.Contains($"checkpoint {checkpoint} fails its seal", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TrailFromBeforeSeals_UnsealedCheckpoint_VerifiesAndSaysOnlyAnAnchorVouchesForIt()
    {
        await using var scenario = await RetentionScenario.PrunedAsync();
        var checkpoint = Assert.Single(scenario.Checkpoints()).Sequence;

        // As the gateway wrote checkpoints before they were sealed.
        await TrailTampering.EditDetailAndRelinkAsync(scenario.App, checkpoint, detail => AuditCheckpointFormat.TryReadSeal(detail, out var unsealed, out _, out _) ? unsealed : detail);
        var (exitCode, output, error) = await scenario.VerifyAsync();

        Assert.True(exitCode == 0, error);
        Assert.Contains("2 of them pruned by retention and attested by checkpoints", output, StringComparison.Ordinal);
        Assert.Contains("; 1 checkpoint(s) from before checkpoints were sealed, which only an anchor vouches for", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_RunsRetention_SealsTheCheckpointUnderTheRowIntegrityKey()
    {
        await using var scenario = await RetentionScenario.PrunedAsync();

        var keyId = KeyOf(Assert.Single(scenario.Checkpoints()));

        var purpose = scenario.App.WithDb(db => db.DataKeys.Where(k => k.Id == keyId).Select(k => k.Purpose).Single());
        Assert.Equal(DataKeyPurpose.RowIntegrity, purpose);
    }

    [Fact]
    public async Task Auditor_VerifiesASealedTrailWithoutTheKeyRing_ExitsOneNamingTheRingNotIntact()
    {
        await using var scenario = await RetentionScenario.PrunedAsync();
        var settings = Custodian.SettingsOf(scenario.App);
        settings["DataProtection:KeyRingPath"] = Path.Combine(scenario.App.DataDirectory, "no-ring-here");

        var (exitCode, output, error) = await Custodian.AuditAsync(settings, "verify");

        Assert.Equal((1, string.Empty), (exitCode, output));
        Assert.Contains("no-ring-here", error, StringComparison.Ordinal);
    }

    private static Guid KeyOf(AuditEntry checkpoint)
    {
        Assert.True(AuditCheckpointFormat.TryReadSeal(checkpoint.Detail, out _, out var keyId, out _), checkpoint.Detail);
        return keyId;
    }

    // Deletes the staff release and stores it as pruned under a checkpoint appended at the head,
    // whose digest is right and whose detail <paramref name="seal"/> finishes; returns its sequence.
    private static async Task<long> ForgeCheckpointAsync(RetentionScenario scenario, Func<string, string> seal)
    {
        var release = AuditTrailRows.Release(scenario.App, RetentionScenario.StaffRelease);
        var sequence = AuditTrailRows.Head(scenario.App) + 1;
        await TrailTampering.DeleteAsync(scenario.App, release.Sequence);
        await TrailTampering.StorePrunedAsync(scenario.App, release, sequence);
        var digest = AuditCheckpointFormat.Digest([new AuditPrunedEntry { Sequence = release.Sequence, Link = release.Link!, CheckpointSequence = sequence }]);
        await TrailTampering.AppendAsync(scenario.App, new AuditEntry
        {
            Sequence = sequence,
            At = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()),
            Kind = AuditEntryKinds.Checkpoint,
            ActorSubject = "cli",
            ActorRole = "cli",
            Operation = PrivacyOperationNames.PruneRefusals,
            Target = $"entries {release.Sequence}..{release.Sequence}",
            Outcome = OperationOutcomes.Succeeded,
            Detail = seal(AuditCheckpointFormat.Detail(1, DateTimeOffset.UtcNow, digest)),
        });
        return sequence;
    }
}
