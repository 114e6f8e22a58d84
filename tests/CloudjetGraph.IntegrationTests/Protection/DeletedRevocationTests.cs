using System.Net;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.KeyRing;
using CloudjetGraph.Core.Protection;
using CloudjetGraph.IntegrationTests.Cli;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.IntegrationTests.Protection;

/// <summary>
/// Data Protection keeps a revocation only as a file in the ring folder: whoever could delete it
/// made a revoked (perhaps stolen) ring key usable again. The database records each revocation, so
/// the key stays revoked for the census, a starting gateway and a running one; readiness and the
/// log name the key whose file is gone, and revoking it again writes the file back.
/// </summary>
public sealed class DeletedRevocationTests
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Attacker_DeletesTheRevocationFile_KeyStaysRevokedForCensusAndGatewayUntilRevokedAgain()
    {
        using var ring = await ProductionRing.CreateAsync();
        var settings = ring.CustodianSettings();
        var revoked = await RotateAndRevokeOldAsync(settings);
        var revocationFile = Assert.Single(Directory.GetFiles(ring.KeyRingPath, "revocation-*.xml"));

        File.Delete(revocationFile);

        Assert.True(IsRevokedInCensus(await Custodian.ListAsync(settings), revoked));
        await using (var host = ring.Host())
        {
            await host.InitializeAsync();
            Assert.True(RingKey(host, revoked).IsRevoked);
            Assert.Equal(
                (HttpStatusCode.OK, """{"status":"Degraded","checks":{"database":"Healthy","keyStore":"Healthy","dataKeys":"Healthy","canary":"Healthy","keyCensus":"Healthy","disabledDataKeys":"Healthy","ringFiles":"Degraded"},"details":{"ringFiles":{""" + $"\"{revoked}\"" + """:"revocation file missing"}}}"""),
                await Readiness.ReadAsync(host));
            Assert.Single(host.Logs.Lines, line => line.StartsWith($"Error CloudjetGraph.Core.Protection.AuthenticatedRingRepository[1043] The ring folder holds ring key {revoked} but not its revocation", StringComparison.Ordinal));
        }

        var (again, _, againError) = await Custodian.KeysAsync(settings, "revoke-master", "--yes", revoked.ToString());
        Assert.True(again == 0, againError);
        Assert.Single(Directory.GetFiles(ring.KeyRingPath, "revocation-*.xml"));
        await using var restored = ring.Host();
        await restored.InitializeAsync();
        Assert.Contains("\"ringFiles\":\"Healthy\"", (await Readiness.ReadAsync(restored)).Body, StringComparison.Ordinal);
    }

    [Fact]
    [ProviderSensitive("records the revocations found in the ring folder in the profile database")]
    public async Task RevocationWrittenBeforeTheyWereRecorded_IsRecordedAtStart_AndOutlivesItsFileAndItsRowInARunningGateway()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "cloudjet-tests", Guid.NewGuid().ToString("N"));
        Guid revoked;
        await using (var before = new CloudjetApplication { DataDirectory = dataDirectory, KeepData = true })
        {
            await before.InitializeAsync();
            var settings = Custodian.SettingsOf(before);
            var (rotated, _, rotateError) = await Custodian.KeysAsync(settings, "rotate-master", "--yes");
            Assert.True(rotated == 0, rotateError);
            var census = await Custodian.ListAsync(settings);
            revoked = Guid.Parse(CensusJson.MasterKeyIds(census).Single(id => id != DefaultKeyId(census).ToString()));

            // As a revocation was written before this release: by Data Protection alone, no row.
            before.Services.GetRequiredService<IKeyManager>().RevokeKey(revoked, "before revocations were recorded");
            Assert.Empty(await RecordedAsync(before));
        }

        await using var host = new CloudjetApplication { DataDirectory = dataDirectory }.With("DataProtection:RefreshInterval", "00:00:00.200");
        await host.InitializeAsync();
        Assert.Equal([revoked], await RecordedAsync(host));

        // While it runs, the file goes, then the row too: the key this process saw revoked stays so.
        File.Delete(Assert.Single(Directory.GetFiles(host.KeyRingPath, "revocation-*.xml")));
        await Poll.UntilAsync(
            () => host.Services.GetRequiredService<RecordedRevocations>().MissingFromFolder.Contains(revoked),
            Delay,
            "The gateway's next read of the ring folder");
        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CloudjetDbContext>().RingKeyRevocations.ExecuteDeleteAsync();
        }

        Assert.True(await host.Services.GetRequiredService<KeyRingRefresher>().RefreshAsync(CancellationToken.None));
        Assert.True(RingKey(host, revoked).IsRevoked);
        Assert.Contains($"\"{revoked}\":\"revocation file missing\"", (await Readiness.ReadAsync(host)).Body, StringComparison.Ordinal);
    }

    private static async Task<Guid> RotateAndRevokeOldAsync(IReadOnlyDictionary<string, string?> settings)
    {
        var old = Guid.Parse(CensusJson.MasterKeyIds(await Custodian.ListAsync(settings)).Single());
        var (rotated, _, rotateError) = await Custodian.KeysAsync(settings, "rotate-master", "--yes");
        Assert.True(rotated == 0, rotateError);
        var (revokedExit, _, revokeError) = await Custodian.KeysAsync(settings, "revoke-master", "--yes", old.ToString());
        Assert.True(revokedExit == 0, revokeError);
        Assert.True(IsRevokedInCensus(await Custodian.ListAsync(settings), old));
        return old;
    }

    private static IKey RingKey(CloudjetApplication host, Guid keyId) =>
        host.Services.GetRequiredService<IKeyManager>().GetAllKeys().Single(key => key.KeyId == keyId);

    private static async Task<List<Guid>> RecordedAsync(CloudjetApplication host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<CloudjetDbContext>().RingKeyRevocations.Select(r => r.KeyId).ToListAsync();
    }

    private static bool IsRevokedInCensus(System.Text.Json.Nodes.JsonNode census, Guid keyId) =>
        census["masterKeys"]!.AsArray().Single(key => key!["id"]!.GetValue<string>() == keyId.ToString())!["revoked"]!.GetValue<bool>();

    private static Guid DefaultKeyId(System.Text.Json.Nodes.JsonNode census) =>
        Guid.Parse(census["masterKeys"]!.AsArray().Single(key => key!["default"]!.GetValue<bool>())!["id"]!.GetValue<string>());

}
