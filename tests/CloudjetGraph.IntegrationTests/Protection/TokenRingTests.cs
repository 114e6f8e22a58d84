using System.Net;
using CloudjetGraph.Core.KeyRing;
using CloudjetGraph.IntegrationTests.Cli;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.DataProtection.KeyManagement.Internal;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.IntegrationTests.Protection;

/// <summary>
/// The ring rooted in a PKCS#11 token (SoftHSM2 here): ring keys sealed by a non-extractable
/// AES-256 key in the token, a ring key protected any other way never used, and a certificate ring
/// moved to the token by <c>keys rotate-master</c>. One class, so its tests run one at a time:
/// each points the process's <c>SOFTHSM2_CONF</c> at a token folder of its own.
/// </summary>
public sealed class TokenRingTests
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(20);

    [SoftHsmFact]
    public async Task Management_OnATokenProtectedProductionRing_IsServedAndTheRingKeyIsSealedByTheToken()
    {
        using var token = await SoftHsmToken.CreateAsync();
        using var ring = await ProductionRing.CreateAsync(withCertificate: false, token);

        await using (var host = ring.Host())
        {
            var management = host.Client(host.StaffToken(DefaultRole.Management, "management-token"));
            var organization = (await management.PostAsync("mutation { createOrganization(input: { name: \"Công ty Mã Khóa\" }) { id } }")).Ok();
            var profileId = await host.SignUpAsync(Owners.NewInput("token"), Guid.Parse(organization["createOrganization"]!["id"]!.GetValue<string>()));
            var response = await management.PostAsync("query($id: ID!) { profile(id: $id) { fullName } }", new { id = profileId });
            Assert.Equal("Trần Thị Kiểm Thử token", response.Ok()["profile"]!["fullName"]!.GetValue<string>());
        }

        var keyFile = Assert.Single(ring.Listing()).Value;
        Assert.Contains("<tokenEncryptedSecret", keyFile, StringComparison.Ordinal);
        Assert.Contains("keyLabel=\"cloudjet-ring\"", keyFile, StringComparison.Ordinal);
        Assert.Contains("tokenSeal", keyFile, StringComparison.Ordinal);
        Assert.DoesNotContain("masterKey", keyFile, StringComparison.Ordinal);
        Assert.DoesNotContain(SoftHsmToken.Pin, string.Join('\n', ring.Listing().Values), StringComparison.Ordinal);
    }

    [SoftHsmFact]
    public async Task Attacker_CopiesAClearRingKeyIntoATokenRing_StartupRefusesItAndARunningGatewayIgnoresIt()
    {
        using var token = await SoftHsmToken.CreateAsync();
        using var ring = await ProductionRing.CreateAsync(withCertificate: false, token);
        using var clear = await ProductionRing.CreateAsync(withCertificate: false);
        var (name, xml) = Assert.Single(clear.Listing());
        var plantedId = System.Xml.Linq.XElement.Parse(xml).Attribute("id")!.Value;
        var planted = Path.Combine(ring.KeyRingPath, name);

        await File.WriteAllTextAsync(planted, xml);
        await using (var refused = ring.Host())
        {
            Assert.Equal(
                $"The key ring at '{ring.KeyRingPath}' (DataProtection:KeyRingPath) is refused: the ring file '{name}' holds key {plantedId} that the ring token does not authenticate (a key in clear, under a certificate, or written by someone without the token). Remove the file if no custodian wrote it (docs/key-runbook.md).",
                StartupRefusal.Of(refused));
        }

        File.Delete(planted);
        await using var host = ring.Host().With("DataProtection:RefreshInterval", "00:00:00.200");
        await host.InitializeAsync();
        var ringProvider = host.Services.GetRequiredService<IKeyRingProvider>();
        var genuine = ringProvider.GetCurrentKeyRing().DefaultKeyId;
        await File.WriteAllTextAsync(planted, xml);
        await Poll.UntilAsync(
            () => host.Logs.Lines.Any(line => line.StartsWith($"Error CloudjetGraph.Core.Protection.AuthenticatedRingRepository[1041] Refused the ring file {name}: its key for ring key {plantedId}", StringComparison.Ordinal)),
            Delay,
            "The gateway logging the key in clear");

        Assert.True(await host.Services.GetRequiredService<KeyRingRefresher>().RefreshAsync(CancellationToken.None));
        Assert.Equal(genuine, ringProvider.GetCurrentKeyRing().DefaultKeyId);
        using var client = host.CreateClient();
        using var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(
            """{"status":"Degraded","checks":{"database":"Healthy","keyStore":"Healthy","dataKeys":"Healthy","canary":"Healthy","keyCensus":"Healthy","disabledDataKeys":"Healthy","ringFiles":"Degraded"},"details":{"ringFiles":{""" + $"\"{plantedId}\"" + """:"unauthenticated"}}}""",
            await ready.Content.ReadAsStringAsync());
        Assert.DoesNotContain(host.Logs.Lines, line => line.Contains(SoftHsmToken.Pin, StringComparison.Ordinal));
    }

    [SoftHsmFact]
    public async Task Custodian_MovesACertificateRingToTheTokenAndRevokesTheCertificateKey_EveryProfileReadsBackWithTheTokenAlone()
    {
        using var token = await SoftHsmToken.CreateAsync();
        using var ring = await ProductionRing.CreateAsync();
        var profiles = new Dictionary<Guid, string>();
        await using (var before = ring.Host())
        {
            var management = before.Client(before.StaffToken(DefaultRole.Management, "management-move"));
            var organization = (await management.PostAsync("mutation { createOrganization(input: { name: \"Công ty Chuyển Khóa\" }) { id } }")).Ok();
            var organizationId = Guid.Parse(organization["createOrganization"]!["id"]!.GetValue<string>());
            foreach (var suffix in new[] { "move-1", "move-2" })
            {
                profiles[await before.SignUpAsync(Owners.NewInput(suffix), organizationId)] = $"Trần Thị Kiểm Thử {suffix}";
            }
        }

        // The custodian sets the token beside the certificate, makes its key and rotates.
        ring.Token = token;
        var settings = ring.CustodianSettings();
        var (created, _, createError) = await Custodian.KeysAsync(settings, "pkcs11", "create-key");
        Assert.True(created == 0, createError);
        var certificateKey = Guid.Parse(Assert.Single(CensusJson.MasterKeyIds(await Custodian.ListAsync(settings))));
        var (rotated, _, rotateError) = await Custodian.KeysAsync(settings, "rotate-master", "--yes");
        Assert.True(rotated == 0, rotateError);
        var census = await Custodian.ListAsync(settings);
        var tokenKey = Guid.Parse(Assert.Single(CensusJson.MasterKeyIds(census), id => id != certificateKey.ToString()));
        Assert.All(CensusJson.DataKeys(census), key => Assert.Equal(tokenKey.ToString(), key["masterKeyId"]!.GetValue<string>()));
        Assert.Contains("<tokenEncryptedSecret", ring.Listing()[$"key-{tokenKey}.xml"], StringComparison.Ordinal);
        var (revoked, _, revokeError) = await Custodian.KeysAsync(settings, "revoke-master", "--yes", certificateKey.ToString());
        Assert.True(revoked == 0, revokeError);

        // The certificate is no longer set: the token alone opens the ring.
        ring.CertificateInSettings = false;
        await using var after = ring.Host();
        var reader = after.Client(after.StaffToken(DefaultRole.Management, "management-move"));
        foreach (var (profileId, fullName) in profiles)
        {
            var response = await reader.PostAsync("query($id: ID!) { profile(id: $id) { fullName } }", new { id = profileId });
            Assert.Equal(fullName, response.Ok()["profile"]!["fullName"]!.GetValue<string>());
        }

        Assert.Equal(tokenKey, after.Services.GetRequiredService<IKeyRingProvider>().GetCurrentKeyRing().DefaultKeyId);
    }

    [SoftHsmFact]
    public async Task Developer_RunsTheGatewayOnTheToken_DevelopmentRingIsSealedByItAndTheTokenVerbMintsAStaffToken()
    {
        using var token = await SoftHsmToken.CreateAsync();
        await using var host = new CloudjetApplication();
        var settings = Custodian.DevelopmentSettingsOf(host);
        foreach (var (key, value) in token.Settings())
        {
            host.With(key, value);
            settings[key] = value;
        }

        var (created, _, createError) = await Custodian.KeysAsync(settings, "pkcs11", "create-key");
        Assert.True(created == 0, createError);
        await host.InitializeAsync();
        Assert.Contains("<tokenEncryptedSecret", File.ReadAllText(Assert.Single(Directory.GetFiles(host.KeyRingPath))), StringComparison.Ordinal);

        // The tool as its own process, as a developer runs it, with the PIN from its environment.
        var environment = CliProcess.EnvironmentOf(host);
        foreach (var (key, value) in token.Settings())
        {
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        environment["SOFTHSM2_CONF"] = token.ConfigurationPath;
        using var cli = new CliProcess(environment, "token", "--role", "management", "--sub", "management-dev-token");
        Assert.True(await cli.ExitCodeAsync(TimeSpan.FromSeconds(60)) == 0, cli.Output);
        var minted = cli.Output.Trim();
        var response = await host.Client(minted).PostAsync("{ profiles { totalCount } }");
        Assert.True(response.Ok()["profiles"]!["totalCount"]!.GetValue<int>() > 0);
    }

}
