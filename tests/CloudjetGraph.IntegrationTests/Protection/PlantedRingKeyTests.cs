using System.Net;
using CloudjetGraph.Core.KeyRing;
using CloudjetGraph.Core.Protection;
using CloudjetGraph.IntegrationTests.Cli;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.DataProtection.KeyManagement.Internal;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.IntegrationTests.Protection;

/// <summary>
/// Issue 17, item 5: a ring key encrypted to the ring certificate's public key (which every key
/// file embeds) and dropped into a certificate-protected ring folder is never used. Startup refuses
/// it naming the file and the key; a running gateway keeps its ring, logs and reports Degraded; the
/// custodian's <c>keys rotate-master</c> never wraps a data key under it.
/// </summary>
public sealed class PlantedRingKeyTests
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Attacker_PlantsAKeyEncryptedToTheRingCertificate_StartupRefusesNamingTheFileAndKey()
    {
        using var ring = await ProductionRing.CreateAsync();
        var (plantedId, fileName) = PlantedRingKey.Plant(ring.KeyRingPath);

        await using var host = ring.Host();

        Assert.Equal(
            $"The key ring at '{ring.KeyRingPath}' (DataProtection:KeyRingPath) is refused: the ring file '{fileName}' holds key {plantedId} that carries no signature of the ring certificate (written by someone without its private key, or before ring keys were signed). Remove the file if no custodian wrote it; a ring written before ring keys were signed is signed once with `keys sign-ring` (docs/key-runbook.md).",
            StartupRefusal.Of(host));
    }

    [Fact]
    public async Task Attacker_PlantsAKeyWhileTheGatewayRuns_GatewayKeepsItsRingLogsTheFileAndReportsDegraded()
    {
        using var ring = await ProductionRing.CreateAsync();
        await using var host = ring.Host().With("DataProtection:RefreshInterval", "00:00:00.200");
        var management = host.Client(host.StaffToken(DefaultRole.Management, "management-planted"));
        var organization = (await management.PostAsync("mutation { createOrganization(input: { name: \"Công ty Khóa Giả\" }) { id } }")).Ok();
        var profileId = await host.SignUpAsync(Owners.NewInput("planted"), Guid.Parse(organization["createOrganization"]!["id"]!.GetValue<string>()));
        var ringProvider = host.Services.GetRequiredService<IKeyRingProvider>();
        var genuine = ringProvider.GetCurrentKeyRing().DefaultKeyId;

        var (plantedId, fileName) = PlantedRingKey.Plant(ring.KeyRingPath);
        await Poll.UntilAsync(
            () => host.Logs.Lines.Any(line => line.StartsWith($"Error CloudjetGraph.Core.Protection.AuthenticatedRingRepository[1041] Refused the ring file {fileName}: its key for ring key {plantedId} is not authenticated", StringComparison.Ordinal)),
            Delay,
            "The gateway logging the planted key");

        // Several refreshes later, the planted key is still not the default nor even in the ring.
        Assert.True(await host.Services.GetRequiredService<KeyRingRefresher>().RefreshAsync(CancellationToken.None));
        Assert.Equal(genuine, ringProvider.GetCurrentKeyRing().DefaultKeyId);
        Assert.DoesNotContain(host.Services.GetRequiredService<Microsoft.AspNetCore.DataProtection.KeyManagement.IKeyManager>().GetAllKeys(), key => key.KeyId == plantedId);
        Assert.Equal(
            (HttpStatusCode.OK, """{"status":"Degraded","checks":{"database":"Healthy","keyStore":"Healthy","dataKeys":"Healthy","canary":"Healthy","keyCensus":"Healthy","disabledDataKeys":"Healthy","ringFiles":"Degraded"},"details":{"ringFiles":{""" + $"\"{plantedId}\"" + """:"unauthenticated"}}}"""),
            await Readiness.ReadAsync(host));
        var response = await management.PostAsync("query($id: ID!) { profile(id: $id) { fullName } }", new { id = profileId });
        Assert.Equal("Trần Thị Kiểm Thử planted", response.Ok()["profile"]!["fullName"]!.GetValue<string>());
        Assert.Single(host.Logs.Lines, line => line.Contains("[1041]", StringComparison.Ordinal));

        // Removed by an operator: readiness is whole again.
        File.Delete(Path.Combine(ring.KeyRingPath, fileName));
        await Poll.UntilAsync(() => host.Services.GetRequiredService<RingElementRefusals>().Current.Count == 0, Delay, "The gateway's next read of the ring folder");
        Assert.Equal(HttpStatusCode.OK, (await Readiness.ReadAsync(host)).Status);
        Assert.Contains("\"ringFiles\":\"Healthy\"", (await Readiness.ReadAsync(host)).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attacker_PlantsARevocationOfTheRingKey_StartupRefusesNamingItAndTheRingKeyIsNotRevoked()
    {
        // No secret is needed to revoke: a few lines of XML would stop the ring (denial of service).
        using var ring = await ProductionRing.CreateAsync();
        var genuine = Guid.Parse(CensusJson.MasterKeyIds(await Custodian.ListAsync(ring.CustodianSettings())).Single());
        await File.WriteAllTextAsync(
            Path.Combine(ring.KeyRingPath, "revocation-planted.xml"),
            $"""<?xml version="1.0" encoding="utf-8"?><revocation version="1"><revocationDate>2026-12-05T08:00:00Z</revocationDate><key id="{genuine}" /><reason>planted</reason></revocation>""");

        await using var host = ring.Host();

        Assert.StartsWith(
            $"The key ring at '{ring.KeyRingPath}' (DataProtection:KeyRingPath) is refused: the ring file 'revocation-planted.xml' holds a revocation of ring key {genuine} that carries no signature of the ring certificate",
            StartupRefusal.Of(host),
            StringComparison.Ordinal);
        var census = await Custodian.ListAsync(ring.CustodianSettings());
        Assert.False(census["masterKeys"]!.AsArray().Single()!["revoked"]!.GetValue<bool>());
    }

    [Fact]
    public async Task Custodian_RotatesMasterWithAPlantedKeyInTheRing_NoDataKeyIsEverWrappedUnderIt()
    {
        using var ring = await ProductionRing.CreateAsync();
        var settings = ring.CustodianSettings();
        var genuine = Guid.Parse(CensusJson.MasterKeyIds(await Custodian.ListAsync(settings)).Single());
        var (plantedId, _) = PlantedRingKey.Plant(ring.KeyRingPath);

        // As in the attack: the re-wrap alone, meant to move every data key under the newest key.
        var (rewrapExit, rewrapOutput, rewrapError) = await Custodian.KeysAsync(settings, "rotate-master", "--yes", "--rewrap-only");
        Assert.True(rewrapExit == 0, rewrapError);
        Assert.Contains($"under ring key {genuine};", rewrapOutput, StringComparison.Ordinal);
        Assert.All(CensusJson.DataKeys(await Custodian.ListAsync(settings)), key => Assert.Equal(genuine.ToString(), key["masterKeyId"]!.GetValue<string>()));

        // A full rotation creates a signed key and moves everything there, never to the planted one.
        var (rotateExit, rotateOutput, rotateError) = await Custodian.KeysAsync(settings, "rotate-master", "--yes");
        Assert.True(rotateExit == 0, rotateError);
        var census = await Custodian.ListAsync(settings);
        var masterKeys = CensusJson.MasterKeyIds(census);
        Assert.DoesNotContain(plantedId.ToString(), masterKeys);
        var created = Guid.Parse(Assert.Single(masterKeys, id => id != genuine.ToString()));
        Assert.Contains($"under ring key {created};", rotateOutput, StringComparison.Ordinal);
        Assert.All(CensusJson.DataKeys(census), key => Assert.Equal(created.ToString(), key["masterKeyId"]!.GetValue<string>()));
    }


}
