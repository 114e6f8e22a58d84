using System.Security.Cryptography;
using System.Text.Json.Nodes;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Fields;
using CloudjetGraph.Core.KeyRing;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.Core.Profiles;
using CloudjetGraph.Core.Protection;
using CloudjetGraph.Core.Seeding;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.IntegrationTests.Cli;

/// <summary>
/// <c>keys list</c> after stored values and keys were changed behind the gateway's back: each value
/// counts under the key its header names, damaged values count without failing, and values no key
/// accounts for are counted apart. Each test has its own host, since it alters the data.
/// </summary>
[ProviderSensitive("census counts over values changed with SQL")]
public sealed class KeysListAttributionTests
{
    [Fact]
    public async Task Custodian_ListsKeysAfterStoredValuesAreTamperedWith_CountsHeadersWithoutDecrypting()
    {
        await using var tampered = new CloudjetApplication();
        await tampered.InitializeAsync();
        var (_, before, _) = await Custodian.KeysAsync(Custodian.SettingsOf(tampered), "list", "--json");
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

        var (exitCode, afterNoise, stderr) = await Custodian.KeysAsync(Custodian.SettingsOf(tampered), "list", "--json");
        Assert.True(exitCode == 0, stderr);
        Assert.Equal(before, afterNoise);

        // A value of an unknown format and a tag naming no known key are counted apart, not dropped.
        var department = tampered.WithDb(db => db.Profiles.Single(p => p.Id == victim)).Department!;
        var accessTag = tampered.WithDb(db => db.Profiles.Single(p => p.Id == victim)).AccessTag!;
        department[0] = 0x7F;
        Guid.NewGuid().TryWriteBytes(accessTag.AsSpan(1, 16));
        await tampered.ExecuteSqlAsync(
            "UPDATE Profiles SET Department = $department, AccessTag = $tag WHERE Id = $id", ("$department", department), ("$tag", accessTag), ("$id", victim));

        var (_, afterForeign, _) = await Custodian.KeysAsync(Custodian.SettingsOf(tampered), "list", "--json");
        var json = JsonNode.Parse(afterForeign)!;
        var sealedBefore = JsonNode.Parse(before)!["dataKeys"]!.AsArray().Select(k => k!).Single(CensusJson.Purpose("person-keys"))["census"]!["sealedValues"]!["2"]!.GetValue<long>();
        var dataKeys = json["dataKeys"]!.AsArray().Select(k => k!).ToList();
        Assert.Equal(sealedBefore - 1, dataKeys.Single(CensusJson.Purpose("person-keys"))["census"]!["sealedValues"]!["2"]!.GetValue<long>());
        Assert.Equal(DemoDataSeeder.ProfileCount - 1, dataKeys.Single(CensusJson.Purpose("row-integrity"))["census"]!["accessTags"]!.GetValue<long>());
        Assert.Equal("""{"sealedValues":{"127":1},"indexEntries":0,"accessTags":1}""", json["unattributed"]!.ToJsonString());
    }

    [Fact]
    public async Task Custodian_ListsKeysAfterKeysAreAddedByHand_AttributesEachValueToItsOwnKey()
    {
        await using var rotated = new CloudjetApplication();
        await rotated.InitializeAsync();
        var keyManager = rotated.Services.GetRequiredService<IKeyManager>();
        var currentMasterKey = keyManager.GetAllKeys().Single().KeyId;
        var stagedMasterKey = keyManager.CreateNewKey(DateTimeOffset.UtcNow.AddDays(7), DateTimeOffset.UtcNow.AddYears(1)).KeyId;
        var oldPersonKeysKey = await AddDecryptOnlyKeyAsync(rotated, DataKeyPurpose.PersonKeyWrapping);
        var oldIndexKey = await AddDecryptOnlyKeyAsync(rotated, DataKeyPurpose.BlindIndex);

        // One person's key row names the older wrapping key; one of their values names a key of the wrong kind.
        var victim = rotated.WithDb(db => db.Profiles.OrderBy(p => p.Id).First());
        await MoveToWrappingKeyAsync(rotated, victim.Id, oldPersonKeysKey);
        var phone = victim.Phone!;
        oldIndexKey.TryWriteBytes(phone.AsSpan(1, 16));
        await rotated.ExecuteSqlAsync("UPDATE Profiles SET Phone = $phone WHERE Id = $id", ("$phone", phone), ("$id", victim.Id));

        var (exitCode, stdout, stderr) = await Custodian.KeysAsync(Custodian.SettingsOf(rotated), "list", "--json");

        Assert.True(exitCode == 0, stderr);
        var json = JsonNode.Parse(stdout)!;
        var masterKeys = json["masterKeys"]!.AsArray().Select(k => k!).ToList();
        Assert.Equal([currentMasterKey, stagedMasterKey], masterKeys.Select(k => k["id"]!.GetValue<Guid>()));
        Assert.Equal([true, false], masterKeys.Select(k => k["default"]!.GetValue<bool>()));
        Assert.Equal([6, 0], masterKeys.Select(k => k["census"]!["dataKeys"]!.GetValue<int>()));

        var dataKeys = json["dataKeys"]!.AsArray().Select(k => k!).ToDictionary(k => k["id"]!.GetValue<Guid>());
        var victimValues = CensusJson.SealedValuesOf(victim);
        Assert.Equal("decrypt-only", dataKeys[oldPersonKeysKey]["state"]!.GetValue<string>());
        Assert.Equal(CensusJson.Census(sealedValues: victimValues - 1, personKeys: 1), dataKeys[oldPersonKeysKey]["census"]!.ToJsonString());
        Assert.Equal("""{"sealedValues":{},"indexEntries":0,"accessTags":0,"personKeys":0}""", dataKeys[oldIndexKey]["census"]!.ToJsonString());
        var activePersonKeys = dataKeys.Values.Single(k => k["purpose"]!.GetValue<string>() == "person-keys" && k["state"]!.GetValue<string>() == "active");
        var sealedValues = CensusJson.SealedValuesIn(rotated);
        Assert.Equal(CensusJson.Census(sealedValues: sealedValues - victimValues, personKeys: DemoDataSeeder.ProfileCount - 1), activePersonKeys["census"]!.ToJsonString());
        Assert.Equal(2 * DemoDataSeeder.ProfileCount, dataKeys.Values.Single(k => k["purpose"]!.GetValue<string>() == "blind-index" && k["state"]!.GetValue<string>() == "active")["census"]!["indexEntries"]!.GetValue<int>());
        Assert.Equal("""{"sealedValues":{"2":1},"indexEntries":0,"accessTags":0}""", json["unattributed"]!.ToJsonString());
    }

    // Rewrites the key store row alone, as a rewrap job would, without unwrapping anything.
    private static async Task MoveToWrappingKeyAsync(CloudjetApplication host, Guid profileId, Guid wrappingKeyId)
    {
        Assert.Equal(1, await host.ExecuteKeyStoreSqlAsync("UPDATE PersonKeys SET WrappingKeyId = $key WHERE ProfileId = $profile", ("$key", wrappingKeyId), ("$profile", profileId)));
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
}
