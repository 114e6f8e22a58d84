using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using CloudjetGraph.Core.Custodians;
using CloudjetGraph.Core.KeyRing;
using CloudjetGraph.Core.Protection;
using CloudjetGraph.IntegrationTests.Cli;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace CloudjetGraph.IntegrationTests.Keys;

/// <summary>
/// Disabling a person-keys data key over HTTP: every personal field under it is null with
/// KEY_DISABLED at its path, its owners' logins fail as a wrong password does, the attempts reach
/// the trail, readiness is Degraded naming the key; enabling restores every read byte for byte.
/// </summary>
[ProviderSensitive("key states in the key store")]
public sealed class DataKeyDisableTests
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(30);

    private const string Disable = "mutation D($id: ID!) { disableDataKey(input: { id: $id }) { id purpose state destroyAfter } }";
    private const string Enable = "mutation E($id: ID!) { enableDataKey(input: { id: $id }) { id purpose state destroyAfter } }";
    private const string Login = "mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token } }";

    [Fact]
    public async Task KeyCustodian_DisablesThenEnablesPersonKeysKey_FieldsWithheldAsKeyDisabledThenReadByteIdentical()
    {
        await using var host = new CloudjetApplication().With("DataProtection:RefreshInterval", "00:00:00.200");
        await host.InitializeAsync();
        await host.SignUpAsync(Owners.NewInput("disabled-key-owner"));
        var email = BlindIndexRotation.EmailOf("disabled-key-owner");
        var staff = host.Client(host.StaffToken(DefaultRole.Management, "management-demo"));
        var custodian = host.Client(host.StaffToken(DefaultRole.KeyCustodian, "custodian-disable"));
        var before = DataKeyLifecycleReads.Nodes(await DataKeyLifecycleReads.ReadPagesAsync(staff));
        var old = (await custodian.PostAsync("mutation { rotateDataKey(input: { purpose: PERSON_KEYS }) { previousKeyId } }")).Ok()["rotateDataKey"]!["previousKeyId"]!.GetValue<Guid>();

        using var uses = new MetricCollector<long>(host.Services.GetRequiredService<IMeterFactory>(), ProtectionMetrics.MeterName, ProtectionMetrics.DisabledKeyUsesInstrument);
        var disabledAt = Stopwatch.GetTimestamp();
        var disabled = (await custodian.PostAsync(Disable, new { id = old })).Ok()["disableDataKey"]!;

        Assert.Equal(new JsonObject { ["id"] = old.ToString(), ["purpose"] = "person-keys", ["state"] = "disabled", ["destroyAfter"] = null }.ToJsonString(), disabled.ToJsonString());
        var pages = await DataKeyLifecycleReads.ReadPagesAsync(staff, DataKeyLifecycleReads.WithheldPageSize);
        var first = pages[0];
        var nodes = first.Data!["profiles"]!["nodes"]!.AsArray();
        Assert.Equal(DataKeyLifecycleReads.WithheldPageSize, nodes.Count);
        Assert.All(nodes, node => Assert.All(DataKeyLifecycleReads.PersonalFields, field => Assert.Null(node![field])));
        Assert.All(pages.SelectMany(p => p.Codes), code => Assert.Equal("KEY_DISABLED", code));
        var error = first.ErrorAt("profiles", "nodes", 0, "fullName");
        Assert.NotNull(error);
        Assert.Equal("The value is under a data key that is disabled, and was withheld.", error["message"]!.GetValue<string>());
        Assert.DoesNotContain(old.ToString(), string.Concat(pages.Select(p => p.Body)), StringComparison.Ordinal);
        var measured = uses.GetMeasurementSnapshot();
        Assert.True(measured.Count >= pages.Count * DataKeyLifecycleReads.WithheldPageSize, $"{measured.Count} uses counted");
        Assert.All(measured, m => Assert.Equal((old.ToString(), "person-keys"), ((string)m.Tags["data_key"]!, (string)m.Tags["purpose"]!)));

        // Login fails exactly as a wrong password does.
        var refusedLogin = await host.Client().PostAsync(Login, new { email, password = Owners.Password });
        var wrongPassword = await host.Client().PostAsync(Login, new { email, password = "not the password" });
        Assert.Equal(["AUTH_INVALID_CREDENTIALS"], refusedLogin.Codes);
        Assert.Equal(wrongPassword.Body, refusedLogin.Body);

        // Readiness names the key by id and purpose; the attempts reach the trail within the refresh interval.
        var ready = await host.CreateClient().GetAsync(new Uri("/health/ready", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var readiness = JsonNode.Parse(await ready.Content.ReadAsStringAsync())!;
        Assert.Equal("Degraded", readiness["status"]!.GetValue<string>());
        Assert.Equal("Degraded", readiness["checks"]!["disabledDataKeys"]!.GetValue<string>());
        Assert.Equal(new JsonObject { [old.ToString()] = "person-keys" }.ToJsonString(), readiness["details"]!["disabledDataKeys"]!.ToJsonString());
        await Poll.UntilAsync(
            () => CustodianRecord.ReadAsync(host).GetAwaiter().GetResult().Any(r => r.Operation == CustodianOperationNames.DisabledKeyUse),
            Delay,
            "The uses of the disabled key reaching the trail");
        var recorded = (await CustodianRecord.ReadAsync(host)).Where(r => r.Operation == CustodianOperationNames.DisabledKeyUse).ToList();
        Assert.All(recorded, use => Assert.Equal(("gateway", $"person-keys key {old}", "refused"), (use.ActorRole, use.Target, use.Outcome)));
        Assert.All(recorded, use => Assert.Matches(@"^\d+ value\(s\) not opened under it \(KEY_DISABLED\) between [0-9TZ:.\- ]+ and [0-9TZ:.\- ]+\.$", use.Detail));

        // Bounded by time, not by reads: at most one entry per key per refresh interval, each counting many attempts.
        var intervals = (int)(Stopwatch.GetElapsedTime(disabledAt) / TimeSpan.FromMilliseconds(200)) + 1;
        Assert.InRange(recorded.Count, 1, intervals);
        Assert.True(recorded.Sum(use => long.Parse(use.Detail.Split(' ')[0], CultureInfo.InvariantCulture)) >= pages.Count * DataKeyLifecycleReads.WithheldPageSize);
        Assert.NotNull(host.WithDb(db => db.DataKeys.Single(k => k.Id == old).LastUseRecordedAt));

        var enabled = (await custodian.PostAsync(Enable, new { id = old })).Ok()["enableDataKey"]!;

        Assert.Equal("decrypt-only", enabled["state"]!.GetValue<string>());
        var after = await DataKeyLifecycleReads.ReadPagesAsync(staff);
        Assert.All(after, page => Assert.Empty(page.Errors));
        Assert.Equal(before, DataKeyLifecycleReads.Nodes(after));
        Assert.NotEmpty(await host.LoginAsync(email));
        var readyAgain = JsonNode.Parse(await host.CreateClient().GetStringAsync(new Uri("/health/ready", UriKind.Relative)))!;
        Assert.Equal("Healthy", readyAgain["status"]!.GetValue<string>());
        Assert.Null(readyAgain["details"]);
    }

    [Fact]
    public async Task Gateway_StartedAfterAKeyWasDisabled_WithholdsFromItsFirstRequest()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "cloudjet-tests", Guid.NewGuid().ToString("N"));
        Guid old;
        await using (var first = new CloudjetApplication { DataDirectory = dataDirectory, KeepData = true })
        {
            await first.InitializeAsync();
            var settings = Custodian.DevelopmentSettingsOf(first);
            old = CensusJson.ActiveKeyId(await Custodian.ListAsync(settings), "person-keys");
            await Custodian.RotateDataAsync(settings, "person-keys");
            var (exitCode, _, error) = await Custodian.KeysAsync(settings, "disable", "--yes", old.ToString());
            Assert.True(exitCode == 0, error);
        }

        await using var restarted = new CloudjetApplication { DataDirectory = dataDirectory };
        await restarted.InitializeAsync();
        var page = await restarted.Client(restarted.StaffToken(DefaultRole.Management, "management-demo"))
            .PostAsync("{ profiles(first: 1) { nodes { id fullName } } }");

        Assert.Equal(["KEY_DISABLED"], page.Codes);
        Assert.Null(page.Data!["profiles"]!["nodes"]![0]!["fullName"]);
    }

    [Fact]
    public async Task KeyCustodian_DisablesTwiceOrEnablesEnabledKey_RefusedAndStateUnchanged()
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        var custodian = host.Client(host.StaffToken(DefaultRole.KeyCustodian, "custodian-disable"));
        var old = (await custodian.PostAsync("mutation { rotateDataKey(input: { purpose: BLIND_INDEX }) { previousKeyId } }")).Ok()["rotateDataKey"]!["previousKeyId"]!.GetValue<Guid>();

        var enableDecryptOnly = await custodian.PostAsync(Enable, new { id = old });
        (await custodian.PostAsync(Disable, new { id = old })).Ok();
        var digest = await DatabaseDigest.OfAsync(host, "DataKeys");
        var disableAgain = await custodian.PostAsync(Disable, new { id = old });

        Assert.Equal(["KEY_TRANSITION_REFUSED"], enableDecryptOnly.Codes);
        Assert.Equal(["KEY_TRANSITION_REFUSED"], disableAgain.Codes);
        Assert.Equal($"Data key {old}: It is disabled. Only a decrypt-only key is disabled.", disableAgain.Errors[0]!["message"]!.GetValue<string>());
        Assert.Equal(digest, await DatabaseDigest.OfAsync(host, "DataKeys"));
    }
}
