using System.Text.Json.Nodes;
using CloudjetGraph.Core.Protection;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Cli;

/// <summary>
/// <c>keys rewrap</c> in process on a test host's files, after a person-key data key rotation: key
/// store rows move to the new key, no profile row changes, and every value still reads back.
/// </summary>
[ProviderSensitive("rewrap batches on the person-key store")]
public sealed class KeysRewrapTests
{
    [Fact]
    public async Task Custodian_RotatesPersonKeysThenRewraps_NoProfileRowChangesAndNothingUnderOldKey()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "cloudjet-tests", Guid.NewGuid().ToString("N"));
        Dictionary<Guid, Dictionary<string, string?>> before;
        Guid oldKey;
        Guid newKey;
        await using (var host = new CloudjetApplication { DataDirectory = dataDirectory, KeepData = true })
        {
            await host.InitializeAsync();
            before = await ProfileValues.ReadAsync(host.Services);
            (oldKey, newKey) = await DataKeys.RotateAsync(host.Services, DataKeyPurpose.PersonKeyWrapping);
            var settings = Custodian.SettingsOf(host);
            var profilesDigest = await DatabaseDigest.ExceptAuditTrailAsync(host);
            var keyStoreDigest = await DatabaseDigest.OfKeyStoreAsync(host);

            // A dry run counts and writes nothing, not even a checkpoint.
            var (dry, dryOutput, dryError) = await Custodian.KeysAsync(settings, "rewrap", "--dry-run", "--batch", "64");
            Assert.True(dry == 0, dryError);
            Assert.Contains($"keys rewrap all (dry run, nothing written): {before.Count} examined, {before.Count} would change, 0 changed concurrently.", dryOutput, StringComparison.Ordinal);
            Assert.Equal(keyStoreDigest, await DatabaseDigest.OfKeyStoreAsync(host));

            var (exitCode, output, error) = await Custodian.KeysAsync(settings, "rewrap", "--batch", "64");
            Assert.True(exitCode == 0, error);
            Assert.Contains($"keys rewrap all: done; {before.Count} examined, {before.Count} changed, 0 changed concurrently.", output, StringComparison.Ordinal);
            Assert.Contains($"keys rewrap: {before.Count}/{before.Count} rows", output, StringComparison.Ordinal);
            Assert.Equal(profilesDigest, await DatabaseDigest.ExceptAuditTrailAsync(host));

            var census = await ListAsync(settings);
            Assert.Equal(0, PersonKeysUnder(census, oldKey));
            Assert.Equal(before.Count, PersonKeysUnder(census, newKey));
            Assert.Equal(before.Count, host.WithKeyStore(store => store.PersonKeys.Count(k => k.WrappingKeyId == newKey && k.Version == 1)));

            // A rerun after completion finds nothing and writes nothing, in either database.
            var keyStoreAfter = await DatabaseDigest.OfKeyStoreAsync(host);
            var (again, againOutput, againError) = await Custodian.KeysAsync(settings, "rewrap");
            Assert.True(again == 0, againError);
            Assert.Contains("keys rewrap all: nothing to do.", againOutput, StringComparison.Ordinal);
            Assert.Equal(keyStoreAfter, await DatabaseDigest.OfKeyStoreAsync(host));
            Assert.Equal(profilesDigest, await DatabaseDigest.ExceptAuditTrailAsync(host));
        }

        // A new host unwraps every person key under the new data key alone.
        await using var after = new CloudjetApplication { DataDirectory = dataDirectory };
        await after.InitializeAsync();
        Assert.Equal(before, await ProfileValues.ReadAsync(after.Services));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("100001")]
    [InlineData("-5")]
    public async Task Custodian_RewrapsWithBadBatch_RefusedWithOneLine(string batch)
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        var digest = await DatabaseDigest.OfKeyStoreAsync(host);

        var (exitCode, output, error) = await Custodian.KeysAsync(Custodian.SettingsOf(host), "rewrap", "--batch", batch);

        Assert.Equal(2, exitCode);
        Assert.Equal("", output);
        Assert.Equal("keys rewrap: --batch must be 1-100000 and --rate at least 1.", error.Trim());
        Assert.Equal(digest, await DatabaseDigest.OfKeyStoreAsync(host));
    }

    [Fact]
    public async Task Custodian_RewrapsOnEmptyFolder_RefusedAndCreatesNothing()
    {
        var folder = Path.Combine(Path.GetTempPath(), "cloudjet-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var settings = Custodian.SettingsOf(Path.Combine(folder, "cloudjet.db"), Path.Combine(folder, "keys"));
            var (exitCode, output, error) = await Custodian.KeysAsync(settings, "rewrap");
            Assert.Equal(1, exitCode);
            Assert.Equal("", output);
            Assert.Single(error.Trim().Split('\n'));
            Assert.Contains("missing or older than this tool", error, StringComparison.Ordinal);
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

    private static long PersonKeysUnder(JsonNode census, Guid dataKeyId) =>
        census["dataKeys"]!.AsArray().Single(k => k!["id"]!.GetValue<string>() == dataKeyId.ToString())!["census"]!["personKeys"]!.GetValue<long>();
}
