using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text.Json.Nodes;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.Protection;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;

namespace CloudjetGraph.IntegrationTests.Privacy;

/// <summary>
/// A disclosure to an authority under a confidentiality hold: left out of every view its person has
/// (the access log, its copy in exportMyData) until the hold ends by the gateway's clock, then shown
/// as a disclosure; a hold must end, in the future and within Authorization:MaxConfidentialityHold;
/// the hold is in the trail for auditors, and lifting it in the database breaks the chain.
/// </summary>
[ProviderSensitive("compares a disclosure's hold with the clock in SQL and tampers with the trail")]
public sealed class ConfidentialityHoldTests
{
    private const string ExportMutation =
        "mutation ForAuthority($id: ID!, $until: DateTimeOffset) { exportProfileForAuthority(id: $id, basis: { law: \"91/2025/QH15\", article: \"Article 17(2)(b)\", requestReference: \"CSDT-45\" }, confidentialUntil: $until) }";

    private const string AccessLog = "{ me { accessLog { kind operation purpose legalBasis { law article } confidentialUntil } } }";

    [Fact]
    public async Task Management_ExportsUnderAHold_OwnerSeesItNowhereUntilTheHoldEndsThenAsADisclosure()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new CloudjetApplication { Clock = clock };
        await app.InitializeAsync();
        var (id, owner) = await OwnerAsync(app, "held");
        var management = app.Client(app.StaffToken(DefaultRole.Management, "management-held"));
        (await management.PostAsync("query ByManagement($id: ID!) { profile(id: $id) { phone } }", new { id })).Ok();
        var consentHistoryBefore = ConsentHistoryOf(await ExportMyDataAsync(owner));
        var until = clock.GetUtcNow().AddDays(30);

        (await management.PostAsync(ExportMutation, new { id, until })).Ok();

        await AssertOnlyTheReadAsync(owner, id, consentHistoryBefore);
        clock.Advance(until - clock.GetUtcNow() - TimeSpan.FromMilliseconds(1));
        await AssertOnlyTheReadAsync(owner, id, consentHistoryBefore);

        clock.Advance(TimeSpan.FromMilliseconds(1));

        var log = (await owner.PostAsync(AccessLog)).Ok()["me"]!["accessLog"]!.AsArray();
        Assert.Equal([("AUTHORITY_DISCLOSURE", "ForAuthority"), ("READ", "ByManagement")], log.Select(e => (e!["kind"]!.GetValue<string>(), e["operation"]!.GetValue<string>())));
        Assert.Equal(("91/2025/QH15", "Article 17(2)(b)"), (log[0]!["legalBasis"]!["law"]!.GetValue<string>(), log[0]!["legalBasis"]!["article"]!.GetValue<string>()));
        Assert.Equal(until.ToUnixTimeMilliseconds(), DateTimeOffset.Parse(log[0]!["confidentialUntil"]!.GetValue<string>(), CultureInfo.InvariantCulture).ToUnixTimeMilliseconds());
        var exported = await ExportMyDataAsync(owner);
        var disclosure = exported["accessLog"]!.AsArray()[0]!;
        Assert.Equal(("authority-disclosure", "91/2025/QH15"), (disclosure["kind"]!.GetValue<string>(), disclosure["legalBasis"]!["law"]!.GetValue<string>()));
        Assert.DoesNotContain("CSDT-45", exported.ToJsonString(), StringComparison.Ordinal);

        // Auditors read the hold and its end in the trail, whatever the owner is shown.
        var record = await PrivacyRecords.LastAsync(app, PrivacyOperationNames.ExportForAuthority);
        Assert.EndsWith($"; confidential until {until.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fff}Z", record.Detail, StringComparison.Ordinal);
        var release = AuditTrailRows.Release(app, "ForAuthority");
        Assert.Equal(("91/2025/QH15", "Article 17(2)(b)", until.ToUnixTimeMilliseconds()), (release.DisclosureLaw, release.DisclosureArticle, release.ConfidentialUntil!.Value.ToUnixTimeMilliseconds()));
    }

    [Fact]
    public async Task Management_ExportsTwiceInOneRequestOnlyOneHeld_OwnerSeesOnlyTheOneWithoutAHold()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new CloudjetApplication { Clock = clock };
        await app.InitializeAsync();
        var (id, owner) = await OwnerAsync(app, "twice");
        var management = app.Client(app.StaffToken(DefaultRole.Management, "management-twice"));

        (await management.PostAsync(
            """
            mutation Twice($id: ID!, $until: DateTimeOffset) {
              held: exportProfileForAuthority(id: $id, basis: { law: "91/2025/QH15", article: "Article 17", requestReference: "CSDT-1" }, confidentialUntil: $until)
              open: exportProfileForAuthority(id: $id, basis: { law: "356/2025/NĐ-CP", article: "Điều 9", requestReference: "CSDT-2" })
            }
            """,
            new { id, until = clock.GetUtcNow().AddDays(7) })).Ok();

        var log = (await owner.PostAsync(AccessLog)).Ok()["me"]!["accessLog"]!.AsArray();
        var shown = Assert.Single(log)!;
        Assert.Equal(("AUTHORITY_DISCLOSURE", "356/2025/NĐ-CP"), (shown["kind"]!.GetValue<string>(), shown["legalBasis"]!["law"]!.GetValue<string>()));
        Assert.Null(shown["confidentialUntil"]);
        Assert.Equal(2, AuditTrailRows.Of(app, AuditEntryKinds.Release, "Twice").Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-60_000)]
    public async Task Management_ExportsWithAHoldNotInTheFuture_ValidationNothingOpenedAndRefusalRecorded(int offsetMilliseconds)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new CloudjetApplication { Clock = clock };
        await app.InitializeAsync();
        var (id, owner) = await OwnerAsync(app, "past-hold");

        await AssertRefusedAsync(app, id, clock.GetUtcNow().AddMilliseconds(offsetMilliseconds));

        Assert.Empty((await owner.PostAsync(AccessLog)).Ok()["me"]!["accessLog"]!.AsArray());
    }

    [Fact]
    public async Task Management_ExportsWithAHoldPastTheLongestAllowed_ValidationThenTheLongestIsAccepted()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new CloudjetApplication { Clock = clock }.With("Authorization:MaxConfidentialityHold", "30.00:00:00");
        await app.InitializeAsync();
        var (id, _) = await OwnerAsync(app, "long-hold");
        var longest = clock.GetUtcNow().AddDays(30);

        await AssertRefusedAsync(app, id, longest.AddMilliseconds(1));

        var management = app.Client(app.StaffToken(DefaultRole.Management, "management-demo"));
        Assert.NotNull((await management.PostAsync(ExportMutation, new { id, until = longest })).Ok()["exportProfileForAuthority"]);
    }

    [Fact]
    public async Task Trail_HoldLiftedInTheDatabase_AuditVerifyFindsTheEntry()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new CloudjetApplication { Clock = clock };
        await app.InitializeAsync();
        var (id, owner) = await OwnerAsync(app, "lifted");
        (await app.Client(app.StaffToken(DefaultRole.Management, "management-demo")).PostAsync(ExportMutation, new { id, until = clock.GetUtcNow().AddDays(30) })).Ok();
        var release = AuditTrailRows.Release(app, "ForAuthority");

        app.TrailTampered = true;
        await app.ExecuteSqlAsync("UPDATE AuditEntries SET ConfidentialUntil = NULL WHERE Sequence = $s", ("$s", release.Sequence));

        // The forgery works on the owner's view; the chain is what shows it.
        Assert.Single((await owner.PostAsync(AccessLog)).Ok()["me"]!["accessLog"]!.AsArray());
        var verification = await app.VerifyTrailAsync();
        Assert.False(verification.IsIntact);
        Assert.Equal(release.Sequence, verification.FirstBad);
    }

    // The Cli reads the real clock, so the gateway's does too here, and one hold really ends.
    [Fact]
    public async Task Cli_BreachReport_MarksAProfileDisclosedUnderAHoldStillInForce()
    {
        await using var app = new CloudjetApplication();
        await app.InitializeAsync();
        var (held, _) = await OwnerAsync(app, "report-held");
        var (ended, _) = await OwnerAsync(app, "report-ended");
        var (read, _) = await OwnerAsync(app, "report-read");
        var management = app.Client(app.StaffToken(DefaultRole.Management, "management-report"));
        var from = DateTimeOffset.UtcNow.AddMinutes(-1);
        var until = DateTimeOffset.UtcNow.AddDays(30);
        var shortHold = DateTimeOffset.UtcNow.AddSeconds(2);
        (await management.PostAsync(ExportMutation, new { id = held, until })).Ok();
        (await management.PostAsync(ExportMutation, new { id = ended, until = shortHold })).Ok();
        (await management.PostAsync("query ByManagement($id: ID!) { profile(id: $id) { phone } }", new { id = read })).Ok();
        await Task.Delay(shortHold - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(200));

        var (exitCode, output, error) = await Custodian.AuditAsync(
            Custodian.DevelopmentSettingsOf(app), "report", "--from", from.ToString("O"), "--to", DateTimeOffset.UtcNow.AddMinutes(1).ToString("O"), "--subject", "management-report");

        Assert.True(exitCode == 0, error);
        var holds = JsonNode.Parse(output)!["profiles"]!.AsArray()
            .ToDictionary(p => Guid.Parse(p!["profileId"]!.GetValue<string>()), p => p!["confidentialUntil"]?.GetValue<DateTime>());
        Assert.Equal(new[] { held, ended, read }.Order(), holds.Keys.Order());
        Assert.Equal(until.ToUnixTimeMilliseconds(), new DateTimeOffset(holds[held]!.Value).ToUnixTimeMilliseconds());
        Assert.Null(holds[ended]);
        Assert.Null(holds[read]);
    }

    private static async Task<(Guid Id, GraphQLClient Owner)> OwnerAsync(CloudjetApplication app, string prefix)
    {
        var input = Owners.NewInput(prefix);
        var id = await app.SignUpAsync(input, organizationIndex: 2);
        return (id, app.Client(await app.LoginAsync((string)input["email"]!)));
    }

    private static async Task AssertRefusedAsync(CloudjetApplication app, Guid id, DateTimeOffset until)
    {
        var management = app.Client(app.StaffToken(DefaultRole.Management, "management-demo"));
        using var opened = new MetricCollector<long>(app.Services.GetRequiredService<IMeterFactory>(), ProtectionMetrics.MeterName, ProtectionMetrics.FieldsOpenedInstrument);

        var response = await management.PostAsync(ExportMutation, new { id, until });

        Assert.Equal([ErrorCodes.Validation], response.Codes);
        Assert.Equal("confidentialUntil", response.Errors[0]!["extensions"]!["field"]!.GetValue<string>());
        Assert.Null(response.Data!["exportProfileForAuthority"]);
        Assert.Empty(opened.GetMeasurementSnapshot());
        var record = await PrivacyRecords.LastAsync(app, PrivacyOperationNames.ExportForAuthority);
        Assert.Equal((id.ToString(), OperationOutcomes.Refused), (record.Target, record.Outcome));
        Assert.Empty(AuditTrailRows.Of(app, AuditEntryKinds.Release, "ForAuthority"));
    }

    // Every view the owner has of the trail shows management's read and nothing of the held disclosure.
    private static async Task AssertOnlyTheReadAsync(GraphQLClient owner, Guid id, string consentHistoryBefore)
    {
        foreach (var query in new[] { AccessLog, $"{{ profile(id: \"{id}\") {{ accessLog {{ kind operation purpose legalBasis {{ law article }} confidentialUntil }} }} }}" })
        {
            var response = await owner.PostAsync(query);
            var log = (response.Ok()["me"] ?? response.Ok()["profile"])!["accessLog"]!.AsArray();
            Assert.Equal([("READ", "ByManagement")], log.Select(e => (e!["kind"]!.GetValue<string>(), e["operation"]!.GetValue<string>())));
            Assert.DoesNotContain("91/2025/QH15", response.Body, StringComparison.Ordinal);
        }

        var exported = await ExportMyDataAsync(owner);
        var entry = Assert.Single(exported["accessLog"]!.AsArray())!;
        Assert.Equal(("read", "ByManagement"), (entry["kind"]!.GetValue<string>(), entry["operation"]!.GetValue<string>()));
        Assert.DoesNotContain("ForAuthority", exported.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("91/2025/QH15", exported.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(consentHistoryBefore, ConsentHistoryOf(exported));
    }

    private static async Task<JsonNode> ExportMyDataAsync(GraphQLClient owner) =>
        JsonNode.Parse((await owner.PostAsync("mutation { exportMyData }")).Ok()["exportMyData"]!.GetValue<string>())!;

    private static string ConsentHistoryOf(JsonNode exported) => exported["consentHistory"]!.ToJsonString();
}
