using System.Text.Json.Nodes;
using System.Xml.Linq;
using CloudjetGraph.Core.Protection;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Cli;

/// <summary>
/// <c>keys sign-ring</c>, the migration of a certificate-protected ring written before ring keys
/// were signed: the gateway refuses such a ring until a custodian holding the certificate signs the
/// keys they know to be the ring's own; a key in clear is never signed.
/// </summary>
public sealed class KeysSignRingTests
{
    [Fact]
    public async Task Custodian_SignsARingWrittenBeforeSigning_GatewayRefusedItBeforeAndServesItAfter()
    {
        using var ring = await ProductionRing.CreateAsync();
        var keyFile = Assert.Single(Directory.GetFiles(ring.KeyRingPath));
        var keyId = XElement.Load(keyFile).Attribute("id")!.Value;
        RingElementSignature.WithoutSignature(XElement.Load(keyFile)).Save(keyFile);
        await using (var before = ring.Host())
        {
            Assert.Contains($"holds key {keyId} that carries no signature", StartupRefusal.Of(before), StringComparison.Ordinal);
        }

        var settings = ring.CustodianSettings();
        var (listExit, listOutput, listError) = await Custodian.KeysAsync(settings, "sign-ring");
        Assert.True(listExit == 0, listError);
        Assert.Contains($"Unauthenticated: the ring file '{Path.GetFileName(keyFile)}' holds key {keyId} that carries no signature", listOutput, StringComparison.Ordinal);
        var (signExit, signOutput, signError) = await Custodian.KeysAsync(settings, "sign-ring", "--yes", "--key", keyId);
        Assert.True(signExit == 0, signError);
        Assert.Equal($"Signed key {keyId} ({Path.GetFileName(keyFile)}).", signOutput.Trim());
        var history = JsonNode.Parse((await Custodian.KeysAsync(settings, "history", "--json", "--limit", "1")).Output)!["operations"]![0]!;
        Assert.Equal(
            ("keys.sign-ring", "succeeded", $"ring key {keyId}", $"Signed 1 ring file(s) with the ring certificate: {Path.GetFileName(keyFile)}."),
            (history["operation"]!.GetValue<string>(), history["outcome"]!.GetValue<string>(), history["target"]!.GetValue<string>(), history["detail"]!.GetValue<string>()));

        await using var after = ring.Host();
        var response = await after.Client(after.StaffToken(DefaultRole.Management, "management-signed")).PostAsync("{ profiles { totalCount } }");
        Assert.Equal(0, response.Ok()["profiles"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(new[] { Path.GetFileName(keyFile) }, Directory.GetFiles(ring.KeyRingPath).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Custodian_SignsAKeyInClearPlantedInACertificateRing_IsRefusedAndTheFileStaysUnsigned()
    {
        using var ring = await ProductionRing.CreateAsync();
        using var clear = await ProductionRing.CreateAsync(withCertificate: false);
        var (name, xml) = Assert.Single(clear.Listing());
        await File.WriteAllTextAsync(Path.Combine(ring.KeyRingPath, name), xml);
        var keyId = XElement.Parse(xml).Attribute("id")!.Value;

        var (exitCode, output, error) = await Custodian.KeysAsync(ring.CustodianSettings(), "sign-ring", "--yes", "--key", keyId);

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Equal($"keys sign-ring: The ring file '{name}' holds key {keyId} in clear; a key in clear is never signed under DataProtection:CertificatePath (rotate the master key instead).", error.Trim());
        Assert.Equal(xml, await File.ReadAllTextAsync(Path.Combine(ring.KeyRingPath, name)));
        var history = JsonNode.Parse((await Custodian.KeysAsync(ring.CustodianSettings(), "history", "--json", "--limit", "1")).Output)!["operations"]![0]!;
        Assert.Equal(("keys.sign-ring", "refused", $"ring key {keyId}"), (history["operation"]!.GetValue<string>(), history["outcome"]!.GetValue<string>(), history["target"]!.GetValue<string>()));
    }
}
