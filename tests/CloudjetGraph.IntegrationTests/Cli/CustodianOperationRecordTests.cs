using System.Security.Cryptography;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Custodians;
using CloudjetGraph.Core.KeyRing;
using CloudjetGraph.Core.Keys.Jobs;
using CloudjetGraph.Core.Protection;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.IntegrationTests.Cli;

/// <summary>
/// Every key verb of the Cli that changes keys is recorded, refusals included: who (the operating
/// system user, role <c>cli</c>), what, when, on which key, and how it ended; and no record holds
/// a password or a key, even when the verb fails on them.
/// </summary>
[ProviderSensitive("the Cli's audit appends")]
public sealed class CustodianOperationRecordTests
{
    private const string WrongPassword = "Zebra quartz 4711, not the ring's password";

    [Fact]
    public async Task Custodian_RunsEachKeysVerb_RecordsWhoWhatWhenAndOutcome()
    {
        var started = DateTimeOffset.UtcNow;
        using var ring = await ProductionRing.CreateAsync(withCertificate: false);
        var settings = SettingsOf(ring, ("DataProtection:AllowUnprotectedKeys", "true"));
        var initRecord = Assert.Single(await CustodianRecord.ReadAsync(DatabasePath(ring)));
        var oldMaster = initRecord.Target["ring key ".Length..];

        var (rotated, _, rotateError) = await Custodian.KeysAsync(settings, "rotate-master", "--yes");
        Assert.True(rotated == 0, rotateError);
        var newMaster = (await CustodianRecord.ReadAsync(DatabasePath(ring)))[1].Target["ring key ".Length..];
        var (inUse, _, _) = await Custodian.KeysAsync(settings, "revoke-master", "--yes", newMaster);
        var unknownId = Guid.NewGuid();
        var (unknown, _, _) = await Custodian.KeysAsync(settings, "revoke-master", "--yes", unknownId.ToString());
        var (revoked, _, revokeError) = await Custodian.KeysAsync(settings, "revoke-master", "--yes", oldMaster);

        Assert.Equal((7, 1, 0), (inUse, unknown, revoked));
        Assert.True(revoked == 0, revokeError);
        var rows = await CustodianRecord.ReadAsync(DatabasePath(ring));
        Assert.Equal(
            [
                ("keys.init", "succeeded", $"ring key {oldMaster}", "Created 1 ring key(s) and 4 data keys: blind-index, person-keys, row-integrity, token-signing."),
                ("keys.rotate-master", "succeeded", $"ring key {newMaster}", $"Created ring key {newMaster}, active from "),
                ("keys.rewrap-data-keys", "succeeded", $"data keys, ring key {newMaster}", $"Re-wrapped 4 data key(s) under ring key {newMaster}; 0 already under it, 0 changed concurrently."),
                ("keys.revoke-master", "refused", $"ring key {newMaster}", $"Ring key {newMaster} still wraps 4 data key(s), which could no longer be unwrapped;"),
                ("keys.revoke-master", "refused", $"ring key {unknownId}", $"The key ring holds no key {unknownId}."),
                ("keys.revoke-master", "succeeded", $"ring key {oldMaster}", "Revoked; no data key was under it."),
            ],
            rows.Select(r => (r.Operation, r.Outcome, r.Target, Expected: Prefix(r.Detail, r.Operation))).ToList());
        Assert.All(rows, row => Assert.Equal((Environment.UserName, "cli"), (row.ActorSubject, row.ActorRole)));
        Assert.All(rows, row => Assert.InRange(row.At, started, DateTimeOffset.UtcNow));
        Assert.Equal(rows.Select(r => r.At).Order(), rows.Select(r => r.At));
        Assert.Equal(rows.Select(r => r.Id).Order(), rows.Select(r => r.Id).Distinct());
    }

    [Fact]
    public async Task Custodian_RunsDataKeyVerbsAndKeyJobs_RecordsEachRunWithCountsRefusalsIncluded()
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        var settings = Custodian.DevelopmentSettingsOf(host);
        var personKeys = host.WithKeyStore(store => store.PersonKeys.LongCount());
        var recordedBefore = (await CustodianRecord.ReadAsync(host)).Count;
        var unknownProfile = Guid.NewGuid();
        const string OtherRunner = "other-box/pid 7/feedf00d";

        var rotated = await Custodian.KeysAsync(settings, "rotate-data", "--yes", "--purpose", "person-keys");
        var (oldKey, newKey) = host.WithDb(db => (
            db.DataKeys.Single(k => k.Purpose == DataKeyPurpose.PersonKeyWrapping && !k.IsActive).Id,
            db.DataKeys.Single(k => k.Purpose == DataKeyPurpose.PersonKeyWrapping && k.IsActive).Id));
        var disabled = await Custodian.KeysAsync(settings, "disable", "--yes", oldKey.ToString());
        var scheduled = await Custodian.KeysAsync(settings, "schedule-destroy", "--yes", oldKey.ToString(), "--after", "8d");
        DataKeyScheduling.PassWaitingPeriod(host, oldKey);
        var inUse = await Custodian.KeysAsync(settings, "destroy-data", "--yes", oldKey.ToString());

        // Nothing opens under a disabled key, jobs included: back to decrypt-only to rewrap.
        var cancelled = await Custodian.KeysAsync(settings, "cancel-destroy", "--yes", oldKey.ToString());
        var enabled = await Custodian.KeysAsync(settings, "enable", "--yes", oldKey.ToString());
        var rewrapped = await Custodian.KeysAsync(settings, "rewrap", "--batch", "7");
        var dryRun = await Custodian.KeysAsync(settings, "rewrap", "--dry-run");
        var disabledAgain = await Custodian.KeysAsync(settings, "disable", "--yes", oldKey.ToString());
        var scheduledAgain = await Custodian.KeysAsync(settings, "schedule-destroy", "--yes", oldKey.ToString(), "--after", "8d");
        DataKeyScheduling.PassWaitingPeriod(host, oldKey);
        var destroyed = await Custodian.KeysAsync(settings, "destroy-data", "--yes", oldKey.ToString());
        var noSuchProfile = await Custodian.KeysAsync(settings, "rekey", "--profile", unknownProfile.ToString());
        var reindexed = await Custodian.KeysAsync(settings, "reindex");
        var leases = host.Services.GetRequiredService<KeyJobLeases>();
        await leases.AcquireAsync(OtherRunner, KeyJobKinds.Reindex, "all", CancellationToken.None);
        var leaseHeld = await Custodian.KeysAsync(settings, "rekey", "--all");
        await leases.ReleaseAsync(OtherRunner, CancellationToken.None);

        Assert.Equal(
            (0, 0, 0, 7, 0, 0, 0, 0, 0, 0, 0, 1, 0, 4),
            (rotated.ExitCode, disabled.ExitCode, scheduled.ExitCode, inUse.ExitCode, cancelled.ExitCode, enabled.ExitCode, rewrapped.ExitCode, dryRun.ExitCode,
                disabledAgain.ExitCode, scheduledAgain.ExitCode, destroyed.ExitCode, noSuchProfile.ExitCode, reindexed.ExitCode, leaseHeld.ExitCode));
        var rows = (await CustodianRecord.ReadAsync(host)).Skip(recordedBefore).ToList();
        Assert.Equal(
            [
                ("keys.rotate-data", "succeeded", $"person-keys key {newKey}", $"Created data key {newKey} (person-keys), active now; {oldKey} is decrypt-only."),
                ("keys.disable", "succeeded", $"person-keys key {oldKey}", "Now disabled."),
                ("keys.schedule-destroy", "succeeded", $"person-keys key {oldKey}", "Now scheduled-for-destruction; not destroyed before "),
                ("keys.destroy-data", "refused", $"data key {oldKey}", $"Data key {oldKey} is not destroyed: The census still counts values under it. It still protects {personKeys} person key(s) wrapped under it (run `keys rewrap`)"),
                ("keys.cancel-destroy", "succeeded", $"person-keys key {oldKey}", "Now disabled."),
                ("keys.enable", "succeeded", $"person-keys key {oldKey}", "Now decrypt-only."),
                ("keys.rewrap", "succeeded", "all", $"Done: {personKeys} examined, {personKeys} changed, 0 changed concurrently."),
                ("keys.disable", "succeeded", $"person-keys key {oldKey}", "Now disabled."),
                ("keys.schedule-destroy", "succeeded", $"person-keys key {oldKey}", "Now scheduled-for-destruction; not destroyed before "),
                ("keys.destroy-data", "succeeded", $"person-keys key {oldKey}", "Destroyed; nothing was under it."),
                ("keys.rekey", "refused", $"profile:{unknownProfile}", $"There is no profile {unknownProfile}."),
                ("keys.reindex", "succeeded", "all", "Nothing to do. Dropped the entries of 0 invitation(s); 0 profile(s) still pending."),
                ("keys.rekey", "refused", "all", $"Another runner holds the key job lease: {OtherRunner} (reindex all)"),
            ],
            rows.Select(r => (r.Operation, r.Outcome, r.Target, FixedPart(r.Detail))).ToList());
        Assert.All(rows, row => Assert.Equal((Environment.UserName, "cli"), (row.ActorSubject, row.ActorRole)));
    }

    [Fact]
    public async Task Custodian_VerbsFailOnTheCertificateAndKeys_RecordNoPasswordNoKeyMaterial()
    {
        using var ring = await ProductionRing.CreateAsync();
        var right = SettingsOf(ring, ("DataProtection:CertificatePath", ring.CertificatePath!), ("DataProtection:CertificatePassword", ProductionRing.Password));
        var wrong = SettingsOf(ring, ("DataProtection:CertificatePath", ring.CertificatePath!), ("DataProtection:CertificatePassword", WrongPassword));

        // Hostile and careless: the wrong password for every verb, a second init over the ring,
        // then a real rotation and a forced revoke that leaves data keys unreadable.
        Assert.Equal(1, (await Custodian.KeysAsync(wrong, "rotate-master", "--yes")).ExitCode);
        Assert.Equal(1, (await Custodian.KeysAsync(wrong, "rotate-master", "--yes", "--rewrap-only")).ExitCode);
        Assert.Equal(1, (await Custodian.KeysAsync(wrong, "revoke-master", "--yes", Guid.NewGuid().ToString())).ExitCode);
        Assert.Equal(1, (await Custodian.KeysAsync(right, "init")).ExitCode);
        var (rotated, _, rotateError) = await Custodian.KeysAsync(right, "rotate-master", "--yes", "--activate-in", "1h");
        Assert.True(rotated == 0, rotateError);
        var rows = await CustodianRecord.ReadAsync(DatabasePath(ring));
        var current = rows[0].Target["ring key ".Length..];
        var dataKeys = await DataKeysAsync(ring);
        var (forced, _, forceError) = await Custodian.KeysAsync(right, "revoke-master", "--yes", current, "--force");
        Assert.True(forced == 0, forceError);
        rows = await CustodianRecord.ReadAsync(DatabasePath(ring));

        Assert.Equal(
            [
                ("keys.init", "succeeded"), ("keys.rotate-master", "refused"), ("keys.rewrap-data-keys", "refused"), ("keys.revoke-master", "refused"),
                ("keys.init", "refused"), ("keys.rotate-master", "succeeded"), ("keys.revoke-master", "succeeded"),
            ],
            rows.Select(r => (r.Operation, r.Outcome)).ToList());
        Assert.All(rows[1..4], row => Assert.Contains("DataProtection:CertificatePassword", row.Detail, StringComparison.Ordinal));
        Assert.Equal($"ring key {current}, forced", rows[^1].Target);
        Assert.Equal("Revoked; 4 data key(s) under it can no longer be unwrapped.", rows[^1].Detail);

        var secrets = new List<string> { ProductionRing.Password, WrongPassword, "Zebra" };
        foreach (var key in dataKeys)
        {
            secrets.AddRange([Convert.ToBase64String(key.Material), Convert.ToHexString(key.Material), Convert.ToHexStringLower(key.Material)]);
            secrets.AddRange([Convert.ToBase64String(key.Wrapped), Convert.ToHexString(key.Wrapped)[..32]]);
        }

        Assert.Equal(2 + 1 + (4 * 5), secrets.Count);
        Assert.All(rows, row => Assert.DoesNotContain(secrets, secret => row.Text.Contains(secret, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task OperationLog_WorkFailsWithSecretsInTheException_RecordsFailedWithAFixedDetail()
    {
        await using var app = new CloudjetApplication();
        await app.InitializeAsync();
        var secret = $"material {Convert.ToHexString(RandomNumberGenerator.GetBytes(32))}";
        await using var scope = app.Services.CreateAsyncScope();
        var log = scope.ServiceProvider.GetRequiredService<OperationLog>();

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => log.RunAsync<int>(
            new OperationActor("custodian-fails", "keyCustodian"),
            CustodianOperationNames.RotateMaster,
            "key ring",
            _ => throw new InvalidOperationException(secret),
            _ => throw new InvalidOperationException("A failed operation has no summary."),
            CancellationToken.None));

        Assert.Equal(secret, thrown.Message);
        var row = Assert.Single(await CustodianRecord.ReadAsync(app));
        Assert.Equal(
            ("custodian-fails", "keyCustodian", "keys.rotate-master", "key ring", "failed", "The operation broke off on an unexpected error; the log of the gateway or the tool says why."),
            (row.ActorSubject, row.ActorRole, row.Operation, row.Target, row.Outcome, row.Detail));
        Assert.DoesNotContain("material", row.Text, StringComparison.Ordinal);
    }

    private static string DatabasePath(ProductionRing ring) => Path.Combine(ring.DataDirectory, "cloudjet.db");

    private static Dictionary<string, string?> SettingsOf(ProductionRing ring, params (string Key, string Value)[] settings)
    {
        var all = Custodian.SettingsOf(DatabasePath(ring), ring.KeyRingPath);
        all["environment"] = "Production";
        foreach (var (key, value) in settings)
        {
            all[key] = value;
        }

        return all;
    }

    // A lease refusal ends with the lease's expiry, a destruction refusal lists more than person
    // keys: compare up to the holder, or the first thing listed.
    private static string FixedPart(string detail) =>
        detail.StartsWith("Another runner", StringComparison.Ordinal) ? detail[..(detail.IndexOf(')', StringComparison.Ordinal) + 1)]
        : detail.Contains("still protects", StringComparison.Ordinal) ? detail.Split(';')[0]
        : detail.Contains("not destroyed before", StringComparison.Ordinal) ? detail[..(detail.IndexOf("before ", StringComparison.Ordinal) + 7)]
        : detail;

    // The staging detail ends with a time, the refusal with advice: compare what is fixed.
    private static string Prefix(string detail, string operation) => operation switch
    {
        "keys.rotate-master" => detail[..detail.IndexOf("from ", StringComparison.Ordinal)] + "from ",
        "keys.revoke-master" when detail.Contains("still wraps", StringComparison.Ordinal) => detail[..(detail.IndexOf(';', StringComparison.Ordinal) + 1)],
        _ => detail,
    };

    // Every data key's material, unwrapped by a host on the ring, and its wrapped form from the row
    // (from the key store for blind-index keys, whose rows hold no bytes).
    private static async Task<List<(byte[] Material, byte[] Wrapped)>> DataKeysAsync(ProductionRing ring)
    {
        await using var host = ring.Host();
        await host.InitializeAsync();
        var keys = host.Services.GetRequiredService<DataKeyRing>();
        var inKeyStore = host.WithKeyStore(keyStore => keyStore.DataKeys.ToDictionary(k => k.Id, k => k.WrappedKey));
        return host.WithDb(db => db.DataKeys.ToList()).Select(row => (keys.Get(row.Id).Material, inKeyStore.GetValueOrDefault(row.Id, row.WrappedKey))).ToList();
    }
}
