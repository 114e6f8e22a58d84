using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Seeding;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Cli;

/// <summary>
/// <c>keys sweep</c>: person keys whose profile is gone are counted by the census and removed, once
/// past a sign-up's window; never through a profile database that is not the key store's pair.
/// </summary>
[ProviderSensitive("the person-key sweep across the two databases")]
public sealed class KeysSweepTests
{
    private const string PlantOrphan =
        "INSERT INTO PersonKeys (Id, ProfileId, WrappingKeyId, WrappedKey, CreatedAt, Version) "
        + "SELECT $id, $profile, WrappingKeyId, WrappedKey, $created, 0 FROM PersonKeys WHERE Id = $from";

    [Fact]
    public async Task Custodian_SweepsAfterAnErasureLeftKeysBehind_CountedThenRemovedAndEveryProfileReads()
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        var settings = Custodian.SettingsOf(host);
        var before = await ProfileValues.ReadAsync(host.Services);
        var old = await PlantOrphanAsync(host, DateTimeOffset.UtcNow.AddHours(-2));
        var young = await PlantOrphanAsync(host, DateTimeOffset.UtcNow);
        Assert.Equal(2, (await Custodian.ListAsync(settings))["personKeysWithoutValues"]!.GetValue<long>());

        var (dry, dryOutput, dryError) = await Custodian.KeysAsync(settings, "sweep", "--dry-run");
        Assert.True(dry == 0, dryError);
        Assert.Equal($"keys sweep (dry run, nothing written): {DemoDataSeeder.ProfileCount + 2} key row(s) examined, 1 whose profile is gone.", dryOutput.Trim());
        Assert.Equal(2, host.WithKeyStore(ks => ks.PersonKeys.Count(k => k.Id == old || k.Id == young)));

        var (exitCode, output, error) = await Custodian.KeysAsync(settings, "sweep");

        Assert.True(exitCode == 0, error);
        Assert.Equal($"keys sweep: {DemoDataSeeder.ProfileCount + 2} key row(s) examined, 1 whose profile is gone removed.", output.Trim());
        Assert.Equal([young], host.WithKeyStore(ks => ks.PersonKeys.Where(k => k.Id == old || k.Id == young).Select(k => k.Id).ToList()));
        Assert.Equal(1, (await Custodian.ListAsync(settings))["personKeysWithoutValues"]!.GetValue<long>());
        Assert.Equal(before, await ProfileValues.ReadAsync(host.Services));
        var record = host.WithDb(db => db.AuditEntries.Where(e => e.Operation == "keys.sweep").Select(e => new { e.Outcome, e.Detail }).Single());
        Assert.Equal(("succeeded", $"Examined {DemoDataSeeder.ProfileCount + 2} key row(s); removed 1 whose profile is gone."), (record.Outcome, record.Detail));

        // Mended before disposal, whose checks find every key's profile.
        await host.ExecuteKeyStoreSqlAsync("DELETE FROM PersonKeys WHERE Id = $id", ("$id", young));
    }

    [Fact]
    public async Task Custodian_SweepsThroughAMistypedProfileDatabase_RefusedAndNoKeyDeleted()
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        var typo = Path.Combine(host.DataDirectory, "typo", "cloudjet.db");
        var settings = Custodian.SettingsOf(typo, host.KeyRingPath);
        settings["ConnectionStrings:CloudjetKeys"] = TestDatabase.IsPostgres ? host.DatabaseSettings()["ConnectionStrings:CloudjetKeys"] : $"Data Source={host.KeyStorePath}";
        var keyStore = await DatabaseDigest.OfKeyStoreAsync(host);

        var (exitCode, output, error) = await Custodian.KeysAsync(settings, "sweep");

        Assert.Equal(6, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Contains("ConnectionStrings:CloudjetKeys", error, StringComparison.Ordinal);
        Assert.Equal(keyStore, await DatabaseDigest.OfKeyStoreAsync(host));
        Assert.False(await TestDatabase.ExistsAsync(typo));
    }

    // A copy of a real key row under a new id, for a profile that does not exist, made at createdAt.
    private static async Task<Guid> PlantOrphanAsync(CloudjetApplication host, DateTimeOffset createdAt)
    {
        var from = host.WithKeyStore(ks => ks.PersonKeys.OrderBy(k => k.Id).First().Id);
        var id = Guid.NewGuid();
        Assert.Equal(1, await host.ExecuteKeyStoreSqlAsync(PlantOrphan, ("$id", id), ("$profile", Guid.NewGuid()), ("$created", createdAt), ("$from", from)));
        return id;
    }
}
