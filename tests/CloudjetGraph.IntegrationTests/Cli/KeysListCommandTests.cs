using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Profiles;
using CloudjetGraph.Core.Protection;
using CloudjetGraph.Core.Seeding;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.IntegrationTests.Cli;

/// <summary>
/// <c>keys list</c> run in process against a live gateway's database and ring (demo data: 200
/// profiles): exact counts from headers, nothing decrypted, nothing created.
/// </summary>
public sealed class KeysListCommandTests(CloudjetApplication app) : IClassFixture<CloudjetApplication>
{
    private static readonly string[] Purposes = ["field-encryption", "blind-index", "token-signing", "row-integrity"];

    [Fact]
    public async Task Custodian_ListsKeysAsJson_GetsEveryKeyAndExactCensus()
    {
        var (exitCode, stdout, stderr) = await InProcessCli.KeysAsync(Settings(app), "list", "--json");

        Assert.True(exitCode == 0, stderr);
        var json = JsonNode.Parse(stdout)!.AsObject();
        Assert.Equal(["masterKeys", "dataKeys", "unattributed"], json.Select(p => p.Key));

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
            Assert.Null(dataKey["census"]!["personKeys"]);
        }

        // Counted here from loaded rows, apart from the census's grouped header query.
        var sealedValues = app.WithDb(db => db.Profiles.ToList()).Sum(profile => ProfileFields.Sealed.Count(field => IsSealed(profile, field)));
        Assert.True(sealedValues >= DemoDataSeeder.ProfileCount * 6, $"{sealedValues} sealed values");
        Assert.Equal(Census(sealedValues: sealedValues), dataKeys.Single(Purpose("field-encryption"))["census"]!.ToJsonString());
        Assert.Equal(Census(indexEntries: 2 * DemoDataSeeder.ProfileCount), dataKeys.Single(Purpose("blind-index"))["census"]!.ToJsonString());
        Assert.Equal(Census(accessTags: DemoDataSeeder.ProfileCount), dataKeys.Single(Purpose("row-integrity"))["census"]!.ToJsonString());
        Assert.Equal(Census(), dataKeys.Single(Purpose("token-signing"))["census"]!.ToJsonString());
        Assert.Equal("""{"sealedValues":{},"accessTags":0}""", json["unattributed"]!.ToJsonString());
    }

    [Fact]
    public async Task Custodian_ListsKeysAsTables_SeesEveryKeyIdAndPurpose()
    {
        var (exitCode, stdout, stderr) = await InProcessCli.KeysAsync(Settings(app), "list");

        Assert.True(exitCode == 0, stderr);
        Assert.Contains(app.Services.GetRequiredService<IKeyManager>().GetAllKeys().Single().KeyId.ToString(), stdout, StringComparison.Ordinal);
        foreach (var key in app.WithDb(db => db.DataKeys.ToList()))
        {
            Assert.Contains(key.Id.ToString(), stdout, StringComparison.Ordinal);
        }

        Assert.All(Purposes, purpose => Assert.Contains(purpose, stdout, StringComparison.Ordinal));
        Assert.Contains($" {2 * DemoDataSeeder.ProfileCount} ", stdout, StringComparison.Ordinal);
        Assert.Contains("not yet", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Custodian_ListsKeys_OutputHoldsNoPersonalValueAndNoWrappedKey()
    {
        var (_, json, _) = await InProcessCli.KeysAsync(Settings(app), "list", "--json");
        var (_, tables, _) = await InProcessCli.KeysAsync(Settings(app), "list");

        var secrets = StoredPersonalValues.All(app.Services)
            .Concat(app.WithDb(db => db.DataKeys.ToList()).Select(k => Convert.ToBase64String(k.WrappedKey)[..24]))
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
            var (exitCode, stdout, stderr) = await InProcessCli.KeysAsync(
                InProcessCli.SettingsOf(Path.Combine(folder.FullName, "cloudjet.db"), Path.Combine(folder.FullName, "keys")), "list", "--json");

            Assert.Equal(1, exitCode);
            Assert.Equal(string.Empty, stdout);
            Assert.Contains("(DataProtection:KeyRingPath) holds no readable keys", stderr, StringComparison.Ordinal);
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
        var missingDatabase = Path.Combine(app.DataDirectory, $"missing-{Guid.NewGuid():N}.db");

        var (exitCode, stdout, stderr) = await InProcessCli.KeysAsync(InProcessCli.SettingsOf(missingDatabase, app.KeyRingPath), "list");

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("start the gateway once", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(missingDatabase));
    }

    [Fact]
    public async Task Custodian_ListsKeysWithAnEmptyKeyRingPath_RefusesNamingTheSetting()
    {
        var settings = Settings(app);
        settings["DataProtection:KeyRingPath"] = "";

        var (exitCode, stdout, stderr) = await InProcessCli.KeysAsync(settings, "list");

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("KeyRingPath", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Custodian_ListsKeysAfterStoredValuesAreTamperedWith_CountsHeadersWithoutDecrypting()
    {
        await using var tampered = new CloudjetApplication();
        await tampered.InitializeAsync();
        var (_, before, _) = await InProcessCli.KeysAsync(Settings(tampered), "list", "--json");
        var victim = tampered.WithDb(db => db.Profiles.Select(p => p.Id).First());

        // The body (nonce, ciphertext, tag) of one value turned to noise, its header kept.
        var fullName = tampered.WithDb(db => db.Profiles.Single(p => p.Id == victim)).FullName!;
        await tampered.ExecuteSqlAsync(
            "UPDATE Profiles SET FullName = $value WHERE Id = $id",
            ("$value", fullName[..SealedValueFormat.KeyHeaderSize].Concat(RandomNumberGenerator.GetBytes(fullName.Length - SealedValueFormat.KeyHeaderSize)).ToArray()),
            ("$id", victim));
        using (var scope = tampered.Services.CreateScope())
        {
            var profile = scope.ServiceProvider.GetRequiredService<CloudjetDbContext>().Profiles.Single(p => p.Id == victim);
            Assert.Throws<FieldIntegrityException>(() => scope.ServiceProvider.GetRequiredService<ProfileSealer>().Open(profile, ProfileField.FullName));
        }

        var (exitCode, afterNoise, stderr) = await InProcessCli.KeysAsync(Settings(tampered), "list", "--json");
        Assert.True(exitCode == 0, stderr);
        Assert.Equal(before, afterNoise);

        // A value of an unknown format and a tag naming no known key are counted apart, not dropped.
        var department = tampered.WithDb(db => db.Profiles.Single(p => p.Id == victim)).Department!;
        var accessTag = tampered.WithDb(db => db.Profiles.Single(p => p.Id == victim)).AccessTag!;
        department[0] = 0x7F;
        Guid.NewGuid().TryWriteBytes(accessTag.AsSpan(1, 16));
        await tampered.ExecuteSqlAsync(
            "UPDATE Profiles SET Department = $department, AccessTag = $tag WHERE Id = $id", ("$department", department), ("$tag", accessTag), ("$id", victim));

        var (_, afterForeign, _) = await InProcessCli.KeysAsync(Settings(tampered), "list", "--json");
        var json = JsonNode.Parse(afterForeign)!;
        var sealedBefore = JsonNode.Parse(before)!["dataKeys"]!.AsArray().Select(k => k!).Single(Purpose("field-encryption"))["census"]!["sealedValues"]!["1"]!.GetValue<long>();
        var dataKeys = json["dataKeys"]!.AsArray().Select(k => k!).ToList();
        Assert.Equal(sealedBefore - 1, dataKeys.Single(Purpose("field-encryption"))["census"]!["sealedValues"]!["1"]!.GetValue<long>());
        Assert.Equal(DemoDataSeeder.ProfileCount - 1, dataKeys.Single(Purpose("row-integrity"))["census"]!["accessTags"]!.GetValue<long>());
        Assert.Equal("""{"sealedValues":{"127":1},"accessTags":1}""", json["unattributed"]!.ToJsonString());
    }

    [Fact]
    public async Task Custodian_ListsKeysAfterKeysAreAddedByHand_AttributesEachValueToItsOwnKey()
    {
        await using var rotated = new CloudjetApplication();
        await rotated.InitializeAsync();
        var keyManager = rotated.Services.GetRequiredService<IKeyManager>();
        var currentMasterKey = keyManager.GetAllKeys().Single().KeyId;
        var stagedMasterKey = keyManager.CreateNewKey(DateTimeOffset.UtcNow.AddDays(7), DateTimeOffset.UtcNow.AddYears(1)).KeyId;
        var oldFieldKey = await AddDecryptOnlyKeyAsync(rotated, DataKeyPurpose.FieldEncryption);
        var oldIndexKey = await AddDecryptOnlyKeyAsync(rotated, DataKeyPurpose.BlindIndex);

        // One value's header names the older field key; another's names a key of the wrong kind.
        var victim = rotated.WithDb(db => db.Profiles.Single(p => p.Id == db.Profiles.Min(q => q.Id)));
        var jobTitle = victim.JobTitle!;
        var phone = victim.Phone!;
        oldFieldKey.TryWriteBytes(jobTitle.AsSpan(1, 16));
        oldIndexKey.TryWriteBytes(phone.AsSpan(1, 16));
        await rotated.ExecuteSqlAsync("UPDATE Profiles SET JobTitle = $jobTitle, Phone = $phone WHERE Id = $id", ("$jobTitle", jobTitle), ("$phone", phone), ("$id", victim.Id));

        var (exitCode, stdout, stderr) = await InProcessCli.KeysAsync(Settings(rotated), "list", "--json");

        Assert.True(exitCode == 0, stderr);
        var json = JsonNode.Parse(stdout)!;
        var masterKeys = json["masterKeys"]!.AsArray().Select(k => k!).ToList();
        Assert.Equal([currentMasterKey, stagedMasterKey], masterKeys.Select(k => k["id"]!.GetValue<Guid>()));
        Assert.Equal([true, false], masterKeys.Select(k => k["default"]!.GetValue<bool>()));
        Assert.Equal([6, 0], masterKeys.Select(k => k["census"]!["dataKeys"]!.GetValue<int>()));

        var dataKeys = json["dataKeys"]!.AsArray().Select(k => k!).ToDictionary(k => k["id"]!.GetValue<Guid>());
        Assert.Equal("decrypt-only", dataKeys[oldFieldKey]["state"]!.GetValue<string>());
        Assert.Equal(Census(sealedValues: 1), dataKeys[oldFieldKey]["census"]!.ToJsonString());
        Assert.Equal("""{"sealedValues":{},"indexEntries":null,"accessTags":0,"personKeys":null}""", dataKeys[oldIndexKey]["census"]!.ToJsonString());
        var activeField = dataKeys.Values.Single(k => k["purpose"]!.GetValue<string>() == "field-encryption" && k["state"]!.GetValue<string>() == "active");
        var sealedValues = rotated.WithDb(db => db.Profiles.ToList()).Sum(profile => ProfileFields.Sealed.Count(field => IsSealed(profile, field)));
        Assert.Equal(Census(sealedValues: sealedValues - 2), activeField["census"]!.ToJsonString());
        Assert.Equal(2 * DemoDataSeeder.ProfileCount, dataKeys.Values.Single(k => k["purpose"]!.GetValue<string>() == "blind-index" && k["state"]!.GetValue<string>() == "active")["census"]!["indexEntries"]!.GetValue<int>());
        Assert.Equal("""{"sealedValues":{"1":1},"accessTags":0}""", json["unattributed"]!.ToJsonString());
    }

    // A real, wrapped, inactive key, as a rotation will leave behind; the running host never loads it.
    private static async Task<Guid> AddDecryptOnlyKeyAsync(CloudjetApplication host, DataKeyPurpose purpose)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CloudjetDbContext>();
        var id = Guid.CreateVersion7();
        db.DataKeys.Add(new DataKey
        {
            Id = id,
            Purpose = purpose,
            WrappedKey = scope.ServiceProvider.GetRequiredService<DataKeyWrapper>().CreateWrappedKey(id, purpose),
            IsActive = false,
            DevelopmentOnly = true,
            CreatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
        return id;
    }

    private static Dictionary<string, string?> Settings(CloudjetApplication host) => InProcessCli.SettingsOf(host.DatabasePath, host.KeyRingPath);

    private static Func<JsonNode, bool> Purpose(string purpose) => key => key["purpose"]!.GetValue<string>() == purpose;

    private static string Census(int sealedValues = 0, int indexEntries = 0, int accessTags = 0) =>
        $$"""{"sealedValues":{{(sealedValues == 0 ? "{}" : $$"""{"1":{{sealedValues}}}""")}},"indexEntries":{{indexEntries}},"accessTags":{{accessTags}},"personKeys":null}""";

    private static bool IsSealed(Profile profile, ProfileField field)
    {
        return field switch
        {
            ProfileField.FullName => profile.FullName is not null,
            ProfileField.Email => profile.Email is not null,
            ProfileField.Phone => profile.Phone is not null,
            ProfileField.Skype => profile.Skype is not null,
            ProfileField.Department => profile.Department is not null,
            ProfileField.JobTitle => profile.JobTitle is not null,
            ProfileField.LoginEmail => profile.LoginEmail is not null,
            _ => throw new ArgumentOutOfRangeException(nameof(field)),
        };
    }
}
