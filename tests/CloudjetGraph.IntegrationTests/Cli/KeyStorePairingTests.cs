using System.Text.Json.Nodes;
using CloudjetGraph.Core.KeyStore;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Cli;

/// <summary>
/// The new custodian's mistake: <c>ConnectionStrings:CloudjetKeys</c> names a key store that is
/// missing, empty or another database's. Every verb refuses with exit code 6 before it reads,
/// writes or creates anything, and every profile still reads. Before the pairing id, `keys list`
/// counted 0 person keys there and `destroy-data` then made every profile unreadable for good.
/// </summary>
[ProviderSensitive("the key store pairing, with SQL on both databases")]
public sealed class KeyStorePairingTests
{
    private const int StoreMismatch = 6;

    public static TheoryData<string> WrongKeyStores => ["missing", "empty", "another database's"];

    [Theory]
    [MemberData(nameof(WrongKeyStores))]
    public async Task Custodian_PointsAtAWrongKeyStore_EveryVerbRefusesAndChangesNothing(string wrongStore)
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        var settings = Custodian.DevelopmentSettingsOf(host);
        var census = await Custodian.ListAsync(settings);
        var personKeysKey = CensusJson.ActiveKeyId(census, "person-keys");
        var masterKey = census["masterKeys"]![0]!["id"]!.GetValue<string>();
        var valuesBefore = await ProfileValues.ReadAsync(host.Services);
        var otherDirectory = Path.Combine(Path.GetTempPath(), "cloudjet-tests", Guid.NewGuid().ToString("N"));

        // Never started: on disposal it removes the other database's files (or server databases).
        await using var otherCleanup = new CloudjetApplication { DataDirectory = otherDirectory };
        var wrong = await WrongKeyStoreAsync(wrongStore, otherDirectory);
        var rightStore = settings.GetValueOrDefault("ConnectionStrings:CloudjetKeys");
        settings["ConnectionStrings:CloudjetKeys"] = wrong.ConnectionString;
        var database = await DatabaseDigest.OfAsync(host);
        var keyStore = await DatabaseDigest.OfKeyStoreAsync(host);
        var wrongStoreDigest = wrongStore == "missing" ? null : await DatabaseDigest.OfAsync(wrong.Path);
        var ring = RingFiles(host);

        string[][] verbs =
        [
            ["list", "--json"],
            ["list"],
            ["rotate-data", "--yes", "--purpose", "person-keys"],
            ["rewrap"],
            ["destroy-data", "--yes", personKeysKey.ToString()],
            ["rekey", "--all"],
            ["reindex"],
            ["rotate-master", "--yes"],
            ["revoke-master", "--yes", masterKey],
            ["init"],
        ];
        foreach (var verb in verbs)
        {
            var (exitCode, output, stderr) = await Custodian.KeysAsync(settings, verb);

            // With --json the refusal is the one JSON object on stdout, and stderr stays empty.
            var json = verb.Contains("--json");
            var error = json ? JsonNode.Parse(output)!["error"]!["message"]!.GetValue<string>() : stderr;
            Assert.True(exitCode == StoreMismatch, $"keys {string.Join(' ', verb)} exited {exitCode}: {stderr}{output}");
            Assert.Equal(string.Empty, json ? stderr : output);
            Assert.True(!json || JsonNode.Parse(output)!["error"]!["code"]!.GetValue<string>() == "KEY_STORE_MISMATCH", output);
            Assert.Contains("ConnectionStrings:CloudjetKeys", error, StringComparison.Ordinal);
            Assert.Contains(ExpectedReason(wrongStore), error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
        }

        var (auditExit, _, auditError) = await Custodian.AuditAsync(settings, "verify");
        Assert.True(auditExit == StoreMismatch, auditError);

        // A census of a compromised server through the wrong store would count nobody.
        var (compromiseExit, compromiseOutput, compromiseError) = await Custodian.AuditAsync(settings, "report", "--compromise", "--from", "2026-01-01T00:00:00Z", "--to", DateTimeOffset.UtcNow.ToString("O"));
        Assert.True((compromiseExit, compromiseOutput) == (StoreMismatch, string.Empty), compromiseError + compromiseOutput);

        // Nothing written anywhere, not even the audit trail; no store created at a mistyped path.
        Assert.Equal(database, await DatabaseDigest.OfAsync(host));
        Assert.Equal(keyStore, await DatabaseDigest.OfKeyStoreAsync(host));
        Assert.Equal(ring, RingFiles(host));
        if (wrongStoreDigest is null)
        {
            Assert.False(await TestDatabase.ExistsAsync(wrong.Path));
        }
        else
        {
            Assert.Equal(wrongStoreDigest, await DatabaseDigest.OfAsync(wrong.Path));
        }

        // With the right store every profile reads as before, and the verbs work again.
        Assert.Equal(valuesBefore, await ProfileValues.ReadAsync(host.Services));
        settings["ConnectionStrings:CloudjetKeys"] = rightStore;
        Assert.Equal(personKeysKey, CensusJson.ActiveKeyId(await Custodian.ListAsync(settings), "person-keys"));
    }

    [Fact]
    public async Task Custodian_ListsAPairedStore_SucceedsAndBothDatabasesCarryOneId()
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();

        await Custodian.ListAsync(Custodian.DevelopmentSettingsOf(host));

        var database = host.WithDb(db => db.StorePairing.Select(p => p.Id).ToList());
        var keyStore = host.WithKeyStore(ks => ks.StorePairing.Select(p => p.Id).ToList());
        Assert.Single(database);
        Assert.Equal(database, keyStore);
    }

    private static async Task<(string Path, string ConnectionString)> WrongKeyStoreAsync(string kind, string otherDirectory)
    {
        var keyStorePath = Path.Combine(otherDirectory, "keys.db");
        if (kind == "missing")
        {
            // A typo: the directory exists, the store does not.
            Directory.CreateDirectory(otherDirectory);
            return (keyStorePath, KeyStoreConnection(keyStorePath));
        }

        // Another gateway's databases, left behind when it stopped; made afresh, since a copy of the
        // run's template would share the host's profile ids and pairing.
        var other = new CloudjetApplication { DataDirectory = otherDirectory, KeepData = true, FromTemplate = false };
        await using (other)
        {
            await other.InitializeAsync();
        }

        if (kind == "empty")
        {
            // Migrated, never paired, no person keys: as a store created by mistake looks.
            await other.ExecuteKeyStoreSqlAsync("DELETE FROM PersonKeys");
            await other.ExecuteKeyStoreSqlAsync("DELETE FROM StorePairing");
        }

        return (keyStorePath, KeyStoreConnection(keyStorePath));
    }

    // The key store that TestDatabase names by this file, on either provider.
    private static string KeyStoreConnection(string keyStorePath) => TestDatabase.IsPostgres
        ? TestDatabase.SettingsFor(Path.GetDirectoryName(keyStorePath)!)["ConnectionStrings:CloudjetKeys"]!
        : $"Data Source={keyStorePath}";

    private static string ExpectedReason(string wrongStore) => wrongStore switch
    {
        "missing" => "does not exist",
        "empty" => "holds no person keys",
        _ => "belongs to another database",
    };

    private static Dictionary<string, string> RingFiles(CloudjetApplication host) =>
        Directory.GetFiles(host.KeyRingPath).ToDictionary(file => file, File.ReadAllText);
}
