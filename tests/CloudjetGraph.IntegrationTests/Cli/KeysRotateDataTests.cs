using System.Data.Common;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.KeyRing;
using CloudjetGraph.Core.Protection;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.IdentityModel.JsonWebTokens;

namespace CloudjetGraph.IntegrationTests.Cli;

/// <summary>
/// <c>keys rotate-data</c> in process on a test host's real files: a new key of the purpose is
/// active, the old one decrypt-only, nothing under it rewritten, and never two active keys of one
/// purpose. Each test has its own host, since it changes the keys.
/// </summary>
[ProviderSensitive("compare-and-swap of the active data key")]
public sealed class KeysRotateDataTests
{
    [Fact]
    public async Task Custodian_RotatesPersonKeys_NewKeyActiveOldDecryptOnlyNoProfileOrPersonKeyRowChanged()
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        var settings = Custodian.DevelopmentSettingsOf(host);
        var before = CensusJson.DataKeys(await Custodian.ListAsync(settings)).Single(CensusJson.Purpose("person-keys"));
        var profilesDigest = await DatabaseDigest.OfAsync(host, "Profiles");
        var personKeysDigest = await DatabaseDigest.OfKeyStoreAsync(host, "PersonKeys");

        var (exitCode, output, error) = await Custodian.KeysAsync(settings, "rotate-data", "--yes", "--purpose", "person-keys");

        Assert.True(exitCode == 0, error);
        var keys = CensusJson.DataKeys(await Custodian.ListAsync(settings)).Where(CensusJson.Purpose("person-keys")).ToList();
        Assert.Equal(2, keys.Count);
        var old = keys.Single(k => k["id"]!.GetValue<string>() == before["id"]!.GetValue<string>());
        var created = keys.Single(k => k != old);
        Assert.Equal("decrypt-only", old["state"]!.GetValue<string>());
        Assert.Equal("active", created["state"]!.GetValue<string>());
        Assert.Equal(before["census"]!.ToJsonString(), old["census"]!.ToJsonString());
        Assert.Equal(CensusJson.Census(), created["census"]!.ToJsonString());
        Assert.Equal(before["masterKeyId"]!.GetValue<string>(), created["masterKeyId"]!.GetValue<string>());
        Assert.StartsWith($"Created data key {created["id"]!.GetValue<string>()} (person-keys), active now; {old["id"]!.GetValue<string>()} is decrypt-only.", output, StringComparison.Ordinal);
        Assert.Equal(profilesDigest, await DatabaseDigest.OfAsync(host, "Profiles"));
        Assert.Equal(personKeysDigest, await DatabaseDigest.OfKeyStoreAsync(host, "PersonKeys"));
        Assert.NotNull(host.WithDb(db => db.DataKeys.Single(k => k.Id == Guid.Parse(old["id"]!.GetValue<string>())).DeactivatedAt));
    }

    [Theory]
    [InlineData("row-integrity", 1, "is not rotatable")]
    [InlineData("person-key-wrapping", 2, "--purpose must be person-keys, blind-index or token-signing")]
    [InlineData("", 2, "--purpose must be person-keys, blind-index or token-signing")]
    public async Task Custodian_RotatesUnrotatablePurpose_RefusedAndNothingWritten(string purpose, int expectedExitCode, string refusal)
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        var digest = await DatabaseDigest.ExceptAuditTrailAsync(host);

        var (exitCode, output, error) = await Custodian.KeysAsync(Custodian.DevelopmentSettingsOf(host), "rotate-data", "--yes", "--purpose", purpose);

        Assert.Equal(expectedExitCode, exitCode);
        Assert.Equal("", output);
        Assert.Contains(refusal, error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
        Assert.Equal(digest, await DatabaseDigest.ExceptAuditTrailAsync(host));
    }

    [Fact]
    public async Task Custodian_RotatesDevelopmentRingOutsideDevelopment_RefusedAndNothingWritten()
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        var digest = await DatabaseDigest.ExceptAuditTrailAsync(host);
        var ringFiles = Directory.GetFiles(host.KeyRingPath).Length;

        // The custodian tool's environment is Production unless told otherwise.
        var (exitCode, output, error) = await Custodian.KeysAsync(Custodian.SettingsOf(host), "rotate-data", "--yes", "--purpose", "token-signing");

        Assert.Equal(1, exitCode);
        Assert.Equal("", output);
        Assert.Contains("development key ring", error, StringComparison.Ordinal);
        Assert.Equal(digest, await DatabaseDigest.ExceptAuditTrailAsync(host));
        Assert.Equal(ringFiles, Directory.GetFiles(host.KeyRingPath).Length);
    }

    [Fact]
    public async Task Custodians_RotateOnePurposeConcurrently_ExactlyOneActiveKey()
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        var settings = Custodian.DevelopmentSettingsOf(host);

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => Custodian.KeysAsync(settings, "rotate-data", "--yes", "--purpose", "token-signing"))));

        // Each run either rotated or was told another one won; none may leave a second active key.
        Assert.All(runs, run => Assert.True(run.ExitCode == 0 || run.Error.Contains("Another rotation", StringComparison.Ordinal), run.Error));
        var keys = host.WithDb(db => db.DataKeys.Where(k => k.Purpose == DataKeyPurpose.TokenSigning).ToList());
        Assert.Single(keys, k => k.IsActive);
        Assert.Equal(1 + runs.Count(run => run.ExitCode == 0), keys.Count);
    }

    [Fact]
    public async Task Attacker_WritesSecondActiveKeyIntoDatabase_DatabaseRefusesIt()
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        var (exitCode, _, error) = await Custodian.KeysAsync(Custodian.DevelopmentSettingsOf(host), "rotate-data", "--yes", "--purpose", "person-keys");
        Assert.True(exitCode == 0, error);

        var refused = await Assert.ThrowsAnyAsync<DbException>(() => host.ExecuteSqlAsync("UPDATE DataKeys SET IsActive = TRUE WHERE Purpose = 5"));

        Assert.Contains(host.Provider == DatabaseProvider.Postgres ? "duplicate key value violates unique constraint" : "UNIQUE constraint failed", refused.Message, StringComparison.Ordinal);
        Assert.Single(host.WithDb(db => db.DataKeys.Where(k => k.Purpose == DataKeyPurpose.PersonKeyWrapping && k.IsActive).ToList()));
    }

    [Fact]
    public async Task Custodian_RotatesOnProductionRing_NewKeyServesAfterRestart()
    {
        using var ring = await ProductionRing.CreateAsync();
        var settings = Custodian.SettingsOf(Path.Combine(ring.DataDirectory, "cloudjet.db"), ring.KeyRingPath);
        settings["DataProtection:CertificatePath"] = ring.CertificatePath;
        settings["DataProtection:CertificatePassword"] = ProductionRing.Password;

        var (exitCode, output, error) = await Custodian.KeysAsync(settings, "rotate-data", "--yes", "--purpose", "token-signing");
        Assert.True(exitCode == 0, error);
        var created = Guid.Parse(output.Split(' ')[3]);

        await using var host = ring.Host();
        await host.InitializeAsync();
        Assert.False(host.WithDb(db => db.DataKeys.Single(k => k.Id == created).DevelopmentOnly));
        var token = new JsonWebToken(host.StaffToken(DefaultRole.Support, "support-demo"));
        Assert.Equal(created.ToString(), token.Kid);
    }
}
