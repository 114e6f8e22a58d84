using System.Text.Json.Nodes;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Cli;

/// <summary>
/// <c>keys rotate-master</c> and <c>keys revoke-master</c> in process on a test host's real files:
/// only data key rows change, and after the old ring key is revoked a new host reads every profile
/// as before. Each test has its own host, since it changes the ring.
/// </summary>
[ProviderSensitive("rewrites the data key rows of the key store")]
public sealed class KeysRotateMasterTests
{
    [Fact]
    public async Task Custodian_RotatesMasterThenRevokesOld_ProfilesAndPersonKeysUnchangedAndReadBack()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "cloudjet-tests", Guid.NewGuid().ToString("N"));
        Dictionary<Guid, List<string>> valuesBefore;
        await using (var before = new CloudjetApplication { DataDirectory = dataDirectory, KeepData = true })
        {
            await before.InitializeAsync();
            valuesBefore = StoredPersonalValues.ByProfile(before.Services);
            var settings = Custodian.SettingsOf(before);
            var oldMaster = Guid.Parse(MasterKeys(await ListAsync(settings)).Single()["id"]!.GetValue<string>());
            var profilesDigest = await DatabaseDigest.OfAsync(before, "Profiles");
            var personKeysDigest = await DatabaseDigest.OfKeyStoreAsync(before, "PersonKeys");

            var (refused, refusedOutput, refusal) = await Custodian.KeysAsync(settings, "revoke-master", "--yes", oldMaster.ToString());
            Assert.Equal(7, refused);
            Assert.Equal("", refusedOutput);
            Assert.Contains($"Ring key {oldMaster} still wraps", refusal, StringComparison.Ordinal);

            var (exitCode, output, error) = await Custodian.KeysAsync(settings, "rotate-master", "--yes");
            Assert.True(exitCode == 0, error);
            var census = await ListAsync(settings);
            var newMaster = Guid.Parse(MasterKeys(census).Single(k => k["default"]!.GetValue<bool>())["id"]!.GetValue<string>());
            Assert.NotEqual(oldMaster, newMaster);
            var dataKeys = census["dataKeys"]!.AsArray().Select(k => k!).ToList();
            Assert.All(dataKeys, key => Assert.Equal(newMaster.ToString(), key["masterKeyId"]!.GetValue<string>()));
            Assert.Equal(0, MasterKeys(census).Single(k => k["id"]!.GetValue<string>() == oldMaster.ToString())["census"]!["dataKeys"]!.GetValue<int>());
            Assert.Equal(dataKeys.Count, MasterKeys(census).Single(k => k["id"]!.GetValue<string>() == newMaster.ToString())["census"]!["dataKeys"]!.GetValue<int>());
            Assert.Contains($"Re-wrapped {dataKeys.Count} data key(s) under ring key {newMaster}", output, StringComparison.Ordinal);
            Assert.Equal(profilesDigest, await DatabaseDigest.OfAsync(before, "Profiles"));
            Assert.Equal(personKeysDigest, await DatabaseDigest.OfKeyStoreAsync(before, "PersonKeys"));

            // Nothing left to do: a second re-wrap writes nothing but its record.
            var databaseDigest = await DatabaseDigest.ExceptAuditTrailAsync(before);
            var (again, againOutput, againError) = await Custodian.KeysAsync(settings, "rotate-master", "--yes", "--rewrap-only");
            Assert.True(again == 0, againError);
            Assert.Contains($"Re-wrapped 0 data key(s) under ring key {newMaster}; {dataKeys.Count} already under it", againOutput, StringComparison.Ordinal);
            Assert.Equal(databaseDigest, await DatabaseDigest.ExceptAuditTrailAsync(before));

            var (revoked, revokedOutput, revokeError) = await Custodian.KeysAsync(settings, "revoke-master", "--yes", oldMaster.ToString());
            Assert.True(revoked == 0, revokeError);
            Assert.Contains($"Revoked ring key {oldMaster}; no data key was under it.", revokedOutput, StringComparison.Ordinal);
            Assert.True(MasterKeys(await ListAsync(settings)).Single(k => k["id"]!.GetValue<string>() == oldMaster.ToString())["revoked"]!.GetValue<bool>());
        }

        // The running host cached its ring; a new one reads it from disk, the old key revoked.
        await using var after = new CloudjetApplication { DataDirectory = dataDirectory };
        await after.InitializeAsync();
        var valuesAfter = StoredPersonalValues.ByProfile(after.Services);
        Assert.NotEmpty(valuesBefore);
        Assert.Equal(valuesBefore.Count, valuesAfter.Count);
        Assert.All(valuesBefore, profile => Assert.Equal(profile.Value, valuesAfter[profile.Key]));
    }

    [Fact]
    public async Task Custodian_PreStagesMasterKey_DataKeysStayUntilActivation()
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        var settings = Custodian.SettingsOf(host);
        var oldMaster = MasterKeys(await ListAsync(settings)).Single()["id"]!.GetValue<string>();

        var (exitCode, output, error) = await Custodian.KeysAsync(settings, "rotate-master", "--yes", "--activate-in", "1h");
        Assert.True(exitCode == 0, error);
        Assert.Contains("--rewrap-only", output, StringComparison.Ordinal);
        var census = await ListAsync(settings);
        Assert.Equal(2, MasterKeys(census).Count);
        var staged = MasterKeys(census).Single(k => k["id"]!.GetValue<string>() != oldMaster);
        Assert.False(staged["default"]!.GetValue<bool>());
        Assert.InRange(staged["activation"]!.GetValue<DateTimeOffset>(), DateTimeOffset.UtcNow.AddMinutes(55), DateTimeOffset.UtcNow.AddMinutes(65));
        Assert.All(census["dataKeys"]!.AsArray(), key => Assert.Equal(oldMaster, key!["masterKeyId"]!.GetValue<string>()));

        // Before activation the re-wrap has nothing to move: the old key is still the default.
        var digest = await DatabaseDigest.ExceptAuditTrailAsync(host);
        var (rewrap, _, rewrapError) = await Custodian.KeysAsync(settings, "rotate-master", "--yes", "--rewrap-only");
        Assert.True(rewrap == 0, rewrapError);
        Assert.Equal(digest, await DatabaseDigest.ExceptAuditTrailAsync(host));

        // Hostile: an unknown key, or revoking the key everything is under.
        var (unknown, _, unknownError) = await Custodian.KeysAsync(settings, "revoke-master", "--yes", Guid.NewGuid().ToString());
        Assert.Equal(1, unknown);
        Assert.Contains("holds no key", unknownError, StringComparison.Ordinal);
        var (refused, _, _) = await Custodian.KeysAsync(settings, "revoke-master", "--yes", oldMaster);
        Assert.Equal(7, refused);
        Assert.False(MasterKeys(await ListAsync(settings)).Single(k => k["id"]!.GetValue<string>() == oldMaster)["revoked"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Custodian_RotatesMasterOnEmptyFolder_RefusedAndCreatesNothing()
    {
        var folder = Path.Combine(Path.GetTempPath(), "cloudjet-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var settings = Custodian.SettingsOf(Path.Combine(folder, "cloudjet.db"), Path.Combine(folder, "keys"));
            var (exitCode, output, error) = await Custodian.KeysAsync(settings, "rotate-master", "--yes");
            Assert.Equal(1, exitCode);
            Assert.Equal("", output);
            Assert.Contains("holds no readable keys", error, StringComparison.Ordinal);

            var (negative, _, negativeError) = await Custodian.KeysAsync(settings, "rotate-master", "--yes", "--activate-in", "-01:00:00");
            Assert.Equal(2, negative);
            Assert.Contains("'-01:00:00' is not a duration", negativeError, StringComparison.Ordinal);

            var (revoke, _, _) = await Custodian.KeysAsync(settings, "revoke-master", "--yes", Guid.NewGuid().ToString());
            Assert.Equal(1, revoke);
            Assert.Empty(Directory.EnumerateFileSystemEntries(folder));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<JsonNode> ListAsync(Dictionary<string, string?> settings)
    {
        var (exitCode, output, error) = await Custodian.KeysAsync(settings, "list", "--json");
        Assert.True(exitCode == 0, error);
        return JsonNode.Parse(output)!;
    }

    private static List<JsonNode> MasterKeys(JsonNode census) => census["masterKeys"]!.AsArray().Select(k => k!).ToList();
}
