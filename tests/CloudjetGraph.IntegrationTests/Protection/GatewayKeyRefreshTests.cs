using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Custodians;
using CloudjetGraph.Core.KeyRing;
using CloudjetGraph.Core.Keys;
using CloudjetGraph.Core.Protection;
using CloudjetGraph.IntegrationTests.Authentication;
using CloudjetGraph.IntegrationTests.Cli;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.DataProtection.KeyManagement.Internal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CloudjetGraph.IntegrationTests.Protection;

/// <summary>
/// A running gateway picks up what the custodian tool changes on its files, without a restart,
/// within <c>DataProtection:RefreshInterval</c> (set short here). The tool runs in process but on
/// its own services, as another process would: nothing is shared but the files.
/// </summary>
[ProviderSensitive("reads key store changes made by another service")]
public sealed class GatewayKeyRefreshTests
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task Custodian_RotatesPersonKeysWhileGatewayRuns_NewProfileWrappedUnderNewKeyOldProfilesRead()
    {
        await using var host = Gateway();
        await host.InitializeAsync();
        var earlier = Owners.NewInput("refresh-earlier");
        await host.SignUpAsync(earlier);
        var valuesBefore = StoredPersonalValues.ByProfile(host.Services);
        var settings = Custodian.DevelopmentSettingsOf(host);

        var created = await Custodian.RotateDataAsync(settings, DataKeyPurposeLabels.PersonKeyWrapping);
        await Poll.UntilAsync(() => ActiveKey(host, DataKeyPurpose.PersonKeyWrapping) == created, Delay, "The gateway switching to the new person-key wrapping key");

        var later = await host.SignUpAsync(Owners.NewInput("refresh-later"));
        Assert.Equal(created, host.WithKeyStore(ks => ks.PersonKeys.Single(k => k.ProfileId == later).WrappingKeyId));
        Assert.Equal(1, CensusJson.DataKey(await Custodian.ListAsync(settings), created)["census"]!["personKeys"]!.GetValue<long>());
        var token = await host.LoginAsync((string)earlier["email"]!);
        var me = (await host.Client(token).PostAsync("{ me { fullName } }")).Ok();
        Assert.Equal((string)earlier["fullName"]!, me["me"]!["fullName"]!.GetValue<string>());
        var valuesAfter = StoredPersonalValues.ByProfile(host.Services);
        Assert.All(valuesBefore, profile => Assert.Equal(profile.Value, valuesAfter[profile.Key]));
    }

    [Fact]
    public async Task Custodian_RotatesTokenSigningWhileGatewayRuns_OldTokenWorksNewTokenHasNewKidDestroyedKeyRefused()
    {
        await using var host = Gateway();
        await host.InitializeAsync();
        var owner = Owners.NewInput("refresh-token");
        var profileId = await host.SignUpAsync(owner);
        var before = await host.LoginAsync((string)owner["email"]!);
        var settings = Custodian.DevelopmentSettingsOf(host);
        var old = CensusJson.ActiveKeyId(await Custodian.ListAsync(settings), DataKeyPurposeLabels.TokenSigning);
        Assert.Equal(old.ToString(), new JsonWebToken(before).Kid);

        var created = await Custodian.RotateDataAsync(settings, DataKeyPurposeLabels.TokenSigning);
        await Poll.UntilAsync(() => ActiveKey(host, DataKeyPurpose.TokenSigning) == created, Delay, "The gateway switching to the new token-signing key");

        var after = await host.LoginAsync((string)owner["email"]!);
        Assert.Equal(created.ToString(), new JsonWebToken(after).Kid);
        foreach (var token in new[] { before, after })
        {
            Assert.Equal(profileId.ToString(), (await host.Client(token).PostAsync("{ me { id } }")).Ok()["me"]!["id"]!.GetValue<string>());
        }

        // Disabled: once the gateway follows, the tokens it signed are refused; enabled, they are accepted again.
        var (exitCode, _, error) = await Custodian.KeysAsync(settings, "disable", "--yes", old.ToString());
        Assert.True(exitCode == 0, error);
        await Poll.UntilAsync(() => host.Services.GetRequiredService<DataKeyRing>().IsDisabled(old), Delay, "The gateway following the disabled key");
        await InvalidTokenResponse.AssertRefusedAsync(host, before);
        Assert.Equal(profileId.ToString(), (await host.Client(after).PostAsync("{ me { id } }")).Ok()["me"]!["id"]!.GetValue<string>());
        var (enabled, _, enableError) = await Custodian.KeysAsync(settings, "enable", "--yes", old.ToString());
        Assert.True(enabled == 0, enableError);
        await Poll.UntilAsync(() => !host.Services.GetRequiredService<DataKeyRing>().IsDisabled(old), Delay, "The gateway following the enabled key");
        Assert.Equal(profileId.ToString(), (await host.Client(before).PostAsync("{ me { id } }")).Ok()["me"]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task Custodian_RotatesMasterWhileGatewayRuns_GatewayWrapsLaterDataKeyUnderNewRingKey()
    {
        await using var host = Gateway();
        await host.InitializeAsync();
        var settings = Custodian.DevelopmentSettingsOf(host);
        var ringProvider = host.Services.GetRequiredService<IKeyRingProvider>();
        var oldMaster = ringProvider.GetCurrentKeyRing().DefaultKeyId;

        // Pre-staged, so the tool re-wraps nothing: only the gateway's own refresh can show it the key.
        var (exitCode, output, error) = await Custodian.KeysAsync(settings, "rotate-master", "--yes", "--activate-in", "2s");
        Assert.True(exitCode == 0, error);
        var newMaster = Guid.Parse(output.Split(' ')[3].TrimEnd(','));
        Assert.NotEqual(oldMaster, newMaster);
        await Poll.UntilAsync(() => ringProvider.GetCurrentKeyRing().DefaultKeyId == newMaster, Delay, "The gateway's Data Protection ring taking the new ring key as default");

        await using var scope = host.Services.CreateAsyncScope();
        var rotated = await scope.ServiceProvider.GetRequiredService<DataKeyRotation>().RotateAsync(OperationActor.Cli(), DataKeyPurpose.TokenSigning, CancellationToken.None);

        Assert.Equal(newMaster, rotated.MasterKeyId);
        Assert.Equal(newMaster.ToString(), CensusJson.DataKey(await Custodian.ListAsync(settings), rotated.NewKeyId)["masterKeyId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Gateway_RingUnreadableAtRefresh_KeepsServingWithLoadedKeysAndWarns()
    {
        await using var host = Gateway();
        await host.InitializeAsync();
        var owner = Owners.NewInput("refresh-broken");
        await host.SignUpAsync(owner);
        var signing = ActiveKey(host, DataKeyPurpose.TokenSigning);

        // A ring file that is not XML: every read of the ring fails from now on.
        var broken = Path.Combine(host.KeyRingPath, "key-broken.xml");
        await File.WriteAllTextAsync(broken, "not a key");
        try
        {
            await Poll.UntilAsync(
                () => host.Logs.Lines.Any(line => line.StartsWith("Warning CloudjetGraph.Core.KeyRing.KeyRingRefresher[1027] Refreshing the key ring and data keys failed (", StringComparison.Ordinal)),
                Delay,
                "A warning about the failed refresh");

            Assert.Equal(signing, ActiveKey(host, DataKeyPurpose.TokenSigning));
            var token = await host.LoginAsync((string)owner["email"]!);
            Assert.Equal(signing.ToString(), new JsonWebToken(token).Kid);
            var me = (await host.Client(token).PostAsync("{ me { fullName } }")).Ok();
            Assert.Equal((string)owner["fullName"]!, me["me"]!["fullName"]!.GetValue<string>());
            await host.SignUpAsync(Owners.NewInput("refresh-broken-later"));
        }
        finally
        {
            File.Delete(broken);
        }
    }

    [Fact]
    public async Task Owner_LogsInOnInstanceThatHasNotRefreshed_PersonKeyFromOtherInstanceUnwrapsAtOnce()
    {
        // Two gateways on the same files whose timers never fire during the test; the second is
        // disposed first and leaves the files to the first.
        await using var first = new CloudjetApplication().With("DataProtection:RefreshInterval", "01:00:00");
        await first.InitializeAsync();
        await using var second = new CloudjetApplication { DataDirectory = first.DataDirectory, KeepData = true }.With("DataProtection:RefreshInterval", "01:00:00");
        await second.InitializeAsync();

        var created = await Custodian.RotateDataAsync(Custodian.DevelopmentSettingsOf(first), DataKeyPurposeLabels.PersonKeyWrapping);
        Assert.True(await second.Services.GetRequiredService<KeyRingRefresher>().RefreshAsync(CancellationToken.None));
        var owner = Owners.NewInput("refresh-on-demand");
        var profileId = await second.SignUpAsync(owner);
        Assert.Equal(created, second.WithKeyStore(ks => ks.PersonKeys.Single(k => k.ProfileId == profileId).WrappingKeyId));
        Assert.NotEqual(created, ActiveKey(first, DataKeyPurpose.PersonKeyWrapping));

        // The first instance meets a person key wrapped under a key it has not loaded: it reloads.
        var token = await first.LoginAsync((string)owner["email"]!);
        var me = (await first.Client(token).PostAsync("{ me { id fullName } }")).Ok();

        Assert.Equal((string)owner["fullName"]!, me["me"]!["fullName"]!.GetValue<string>());
        Assert.Equal(created, ActiveKey(first, DataKeyPurpose.PersonKeyWrapping));
    }

    [Fact]
    public async Task Owner_PresentsTokenSignedByKeyOtherInstanceMade_AcceptedAtOnceForgedKeyIdRefused()
    {
        await using var first = new CloudjetApplication().With("DataProtection:RefreshInterval", "01:00:00");
        await first.InitializeAsync();
        await using var second = new CloudjetApplication { DataDirectory = first.DataDirectory, KeepData = true }.With("DataProtection:RefreshInterval", "01:00:00");
        await second.InitializeAsync();
        var owner = Owners.NewInput("refresh-kid");
        var profileId = await first.SignUpAsync(owner);

        var created = await Custodian.RotateDataAsync(Custodian.DevelopmentSettingsOf(first), DataKeyPurposeLabels.TokenSigning);
        Assert.True(await first.Services.GetRequiredService<KeyRingRefresher>().RefreshAsync(CancellationToken.None));
        var token = await first.LoginAsync((string)owner["email"]!);
        Assert.Equal(created.ToString(), new JsonWebToken(token).Kid);

        // The second instance has not refreshed: the unknown kid makes it reload before validating.
        var me = (await second.Client(token).PostAsync("{ me { id } }")).Ok();

        Assert.Equal(profileId.ToString(), me["me"]!["id"]!.GetValue<string>());
        Assert.Equal(created, ActiveKey(second, DataKeyPurpose.TokenSigning));

        // Hostile: the same token claiming a key id no instance has is still refused.
        var parts = token.Split('.');
        var forgedHeader = Base64UrlEncoder.Encode($$"""{"alg":"HS256","kid":"{{Guid.NewGuid()}}","typ":"JWT"}""");
        await InvalidTokenResponse.AssertRefusedAsync(second, $"{forgedHeader}.{parts[1]}.{parts[2]}");
    }

    [Fact]
    public async Task Gateway_RefreshIntervalZero_StartupRefusedNamingSetting()
    {
        await using var host = new CloudjetApplication().With("DataProtection:RefreshInterval", "00:00:00");

        var refusal = await Assert.ThrowsAnyAsync<Exception>(host.InitializeAsync);

        Assert.Contains("RefreshInterval", refusal.Message, StringComparison.Ordinal);
    }

    private static CloudjetApplication Gateway() => new CloudjetApplication().With("DataProtection:RefreshInterval", "00:00:00.200");

    private static Guid ActiveKey(CloudjetApplication host, DataKeyPurpose purpose) =>
        host.Services.GetRequiredService<DataKeyRing>().Active(purpose).Id;
}
