using System.Text.Json.Nodes;
using CloudjetGraph.Core.KeyRing;
using CloudjetGraph.Core.Seeding;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.IntegrationTests.Cli;

/// <summary>
/// <c>keys list</c> run in process against a live gateway's database and ring (demo data: 200
/// profiles): exact counts from headers, nothing decrypted, nothing created.
/// </summary>
[ProviderSensitive("census counts")]
public sealed class KeysListCommandTests(CloudjetApplication app) : IClassFixture<CloudjetApplication>
{
    private static readonly string[] Purposes = ["blind-index", "token-signing", "row-integrity", "person-keys"];

    [Fact]
    public async Task Custodian_ListsKeysAsJson_GetsEveryKeyAndExactCensus()
    {
        var (exitCode, stdout, stderr) = await Custodian.KeysAsync(Custodian.SettingsOf(app), "list", "--json");

        Assert.True(exitCode == 0, stderr);
        var json = JsonNode.Parse(stdout)!.AsObject();
        Assert.Equal(["masterKeys", "dataKeys", "unattributed", "personKeysWithoutValues"], json.Select(p => p.Key));

        var ringKey = Assert.Single(app.Services.GetRequiredService<IKeyManager>().GetAllKeys());
        var masterKey = Assert.Single(json["masterKeys"]!.AsArray())!;
        Assert.Equal(ringKey.KeyId, masterKey["id"]!.GetValue<Guid>());
        Assert.Equal(ringKey.CreationDate, masterKey["created"]!.GetValue<DateTimeOffset>());
        Assert.Equal(ringKey.ActivationDate, masterKey["activation"]!.GetValue<DateTimeOffset>());
        Assert.Equal(ringKey.ExpirationDate, masterKey["expiration"]!.GetValue<DateTimeOffset>());
        Assert.False(masterKey["revoked"]!.GetValue<bool>());
        Assert.True(masterKey["default"]!.GetValue<bool>());
        Assert.Equal(4, masterKey["census"]!["dataKeys"]!.GetValue<int>());

        var storedKeys = app.WithDb(db => db.DataKeys.ToList()).ToDictionary(k => k.Id);
        var dataKeys = json["dataKeys"]!.AsArray().Select(k => k!).ToList();
        Assert.Equal(Purposes.Order(), dataKeys.Select(k => k["purpose"]!.GetValue<string>()).Order());
        foreach (var dataKey in dataKeys)
        {
            var stored = storedKeys[dataKey["id"]!.GetValue<Guid>()];
            Assert.Equal("active", dataKey["state"]!.GetValue<string>());
            Assert.Equal(ringKey.KeyId, dataKey["masterKeyId"]!.GetValue<Guid>());
            Assert.Equal(stored.CreatedAt, dataKey["created"]!.GetValue<DateTimeOffset>());
        }

        // Counted here from loaded rows, apart from the census's grouped header query.
        var sealedValues = CensusJson.SealedValuesIn(app);
        Assert.True(sealedValues >= DemoDataSeeder.ProfileCount * 6, $"{sealedValues} sealed values");
        var personKeys = app.WithKeyStore(keyStore => keyStore.PersonKeys.Count());
        Assert.Equal(DemoDataSeeder.ProfileCount, personKeys);
        Assert.Equal(CensusJson.Census(sealedValues: sealedValues, personKeys: personKeys), dataKeys.Single(CensusJson.Purpose("person-keys"))["census"]!.ToJsonString());
        Assert.Equal(CensusJson.Census(indexEntries: 2 * DemoDataSeeder.ProfileCount), dataKeys.Single(CensusJson.Purpose("blind-index"))["census"]!.ToJsonString());
        Assert.Equal(CensusJson.Census(accessTags: DemoDataSeeder.ProfileCount), dataKeys.Single(CensusJson.Purpose("row-integrity"))["census"]!.ToJsonString());
        Assert.Equal(CensusJson.Census(), dataKeys.Single(CensusJson.Purpose("token-signing"))["census"]!.ToJsonString());
        Assert.Equal("""{"sealedValues":{},"indexEntries":0,"accessTags":0}""", json["unattributed"]!.ToJsonString());
        Assert.Equal(0, json["personKeysWithoutValues"]!.GetValue<long>());
    }

    [Fact]
    public async Task Custodian_ListsKeysAsTables_SeesEveryKeyIdAndPurpose()
    {
        var (exitCode, stdout, stderr) = await Custodian.KeysAsync(Custodian.SettingsOf(app), "list");

        Assert.True(exitCode == 0, stderr);
        Assert.Contains(app.Services.GetRequiredService<IKeyManager>().GetAllKeys().Single().KeyId.ToString(), stdout, StringComparison.Ordinal);
        foreach (var key in app.WithDb(db => db.DataKeys.ToList()))
        {
            Assert.Contains(key.Id.ToString(), stdout, StringComparison.Ordinal);
        }

        Assert.All(Purposes, purpose => Assert.Contains(purpose, stdout, StringComparison.Ordinal));
        Assert.Contains($" {2 * DemoDataSeeder.ProfileCount} ", stdout, StringComparison.Ordinal);
        Assert.Contains($" {DemoDataSeeder.ProfileCount} ", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Custodian_ListsKeys_OutputHoldsNoPersonalValueAndNoWrappedKey()
    {
        var (_, json, _) = await Custodian.KeysAsync(Custodian.SettingsOf(app), "list", "--json");
        var (_, tables, _) = await Custodian.KeysAsync(Custodian.SettingsOf(app), "list");

        var secrets = StoredPersonalValues.All(app.Services)
            .Concat(app.WithDb(db => db.DataKeys.ToList()).Where(k => k.WrappedKey.Length > 0).Select(k => Convert.ToBase64String(k.WrappedKey)[..24]))
            .Concat(app.WithKeyStore(keyStore => keyStore.DataKeys.ToList()).Select(k => Convert.ToBase64String(k.WrappedKey)[..24]))
            .ToList();
        Assert.NotEmpty(secrets);
        Assert.All(secrets, secret => Assert.DoesNotContain(secret, json + tables, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Custodian_ListsKeysOnAnEmptyFolder_RefusesAndCreatesNothing()
    {
        var folder = Directory.CreateTempSubdirectory("cloudjet-keys-list-");
        try
        {
            var (exitCode, stdout, stderr) = await Custodian.KeysAsync(
                Custodian.SettingsOf(Path.Combine(folder.FullName, "cloudjet.db"), Path.Combine(folder.FullName, "keys")), "list", "--json");

            // With --json the refusal is the one JSON object on stdout.
            Assert.Equal((1, string.Empty), (exitCode, stderr));
            var error = JsonNode.Parse(stdout)!["error"]!;
            Assert.Equal("KEY_RING_UNAVAILABLE", error["code"]!.GetValue<string>());
            Assert.Contains("(DataProtection:KeyRingPath) holds no readable keys", error["message"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Empty(folder.EnumerateFileSystemInfos());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Custodian_ListsKeysWithARingButNoDatabase_RefusesAndCreatesNoDatabase()
    {
        var missingDatabase = Path.Combine(Path.GetTempPath(), "cloudjet-tests", Guid.NewGuid().ToString("N"), "cloudjet.db");

        var (exitCode, stdout, stderr) = await Custodian.KeysAsync(Custodian.SettingsOf(missingDatabase, app.KeyRingPath), "list");

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("start the gateway once", stderr, StringComparison.Ordinal);
        Assert.False(await TestDatabase.ExistsAsync(missingDatabase));
    }

    [Fact]
    public async Task Custodian_ListsKeysWithAnEmptyKeyRingPath_RefusesNamingTheSetting()
    {
        var settings = Custodian.SettingsOf(app);
        settings["DataProtection:KeyRingPath"] = "";

        var (exitCode, stdout, stderr) = await Custodian.KeysAsync(settings, "list");

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("KeyRingPath", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }
}
