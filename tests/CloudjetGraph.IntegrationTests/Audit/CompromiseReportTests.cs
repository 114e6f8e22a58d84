using System.Text.Json.Nodes;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Breaches;
using CloudjetGraph.Core.Fields;
using CloudjetGraph.Core.KeyStore;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Audit;

/// <summary>
/// <c>audit report --compromise</c> over a window lists everyone the stores held at some moment of it
/// (none created after, none erased before), counts those erased inside it without contact, fills the
/// notification's fields from the catalogue and the trail, and records itself.
/// </summary>
[ProviderSensitive("reads removal records, instants and the trail's measures on each provider")]
public sealed class CompromiseReportTests(CompromiseWindowFixture window) : IClassFixture<CompromiseWindowFixture>
{
    private readonly CloudjetApplication _app = window.App;

    [Fact]
    public async Task Cli_ReportsACompromise_ListsEveryProfileStoredInTheWindowAndNoneCreatedAfter()
    {
        var report = await ReportAsync();

        var profiles = Affected(report).Where(p => p["kind"]!.GetValue<string>() == "profile").Select(Id).ToHashSet();
        HashSet<Guid> expected = [.. window.StoredBefore, window.ErasedInside, window.StaysFromInside, window.ErasedUnrecorded];
        Assert.Equal(expected.Order(), profiles.Order());
        Assert.DoesNotContain(window.CreatedAfter, profiles);
        var stays = Affected(report).Single(p => Id(p) == window.StaysFromInside);
        Assert.Equal((StoredRecordStates.Stored, window.StaysEmail), (stays["state"]!.GetValue<string>(), stays["contactEmail"]!.GetValue<string>()));
        Assert.All(Affected(report).Where(p => window.StoredBefore.Contains(Id(p))), p => Assert.Contains('@', p["contactEmail"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Cli_ReportsACompromise_ProfileErasedBeforeTheWindowIsAbsent()
    {
        var report = await ReportAsync();

        Assert.DoesNotContain(window.ErasedBefore, Affected(report).Select(Id));
    }

    [Fact]
    public async Task Cli_ReportsACompromise_ProfileErasedInsideTheWindowIsCountedWithoutContact()
    {
        var report = await ReportAsync();

        var erased = Affected(report).Single(p => Id(p) == window.ErasedInside);
        Assert.Equal(StoredRecordStates.Removed, erased["state"]!.GetValue<string>());
        Assert.Null(erased["contactEmail"]);
        var removedAt = erased["removedAt"]!.GetValue<DateTime>();
        Assert.InRange(removedAt, window.From.UtcDateTime, window.To.UtcDateTime);
        Assert.Contains(report["notes"]!.AsArray(), note => note!.GetValue<string>().Contains("without contact: their data is gone", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Cli_ReportsACompromise_ErasureWithoutRemovalRecordCountsAsStoredThroughTheWindow()
    {
        var report = await ReportAsync();

        var unrecorded = Affected(report).Single(p => Id(p) == window.ErasedUnrecorded);
        Assert.Equal(StoredRecordStates.RemovedUnrecorded, unrecorded["state"]!.GetValue<string>());
        Assert.Null(unrecorded["contactEmail"]);
    }

    [Fact]
    public async Task Cli_ReportsACompromise_BoundInviteeIsListedWithItsIssuerAndNoAddress()
    {
        var report = await ReportAsync();

        var invitee = Assert.Single(Affected(report), p => p["kind"]!.GetValue<string>() == "invitation");
        Assert.Equal((window.Invitee, "management-demo"), (Id(invitee), invitee["issuedBy"]!.GetValue<string>()));
        Assert.Null(invitee["contactEmail"]);
    }

    [Fact]
    public async Task Cli_ReportsACompromise_FillsTheNotificationsFields()
    {
        var before = DateTime.UtcNow;

        var report = await ReportAsync();

        Assert.Equal((window.From.UtcDateTime, window.To.UtcDateTime), (report["window"]!["from"]!.GetValue<DateTime>(), report["window"]!["to"]!.GetValue<DateTime>()));
        Assert.InRange(report["madeAt"]!.GetValue<DateTime>(), before, DateTime.UtcNow);
        Assert.Equal(_app.WithDb(db => db.StorePairing.Single().Id), Guid.Parse(report["scope"]!["pairingId"]!.GetValue<string>()));
        Assert.Contains("key store", report["scope"]!["held"]!.GetValue<string>(), StringComparison.Ordinal);
        string[] sealedFields = [.. PersonalFieldCatalogue.All.Select(f => f.SchemaName), "passwordHash"];
        Assert.Equal(
            [.. sealedFields.Select(f => $"{f} sealed"), "email blind index", "loginEmail blind index"],
            report["dataCategories"]!.AsArray().Select(c => $"{c!["field"]!.GetValue<string>()} {c["form"]!.GetValue<string>()}"));
        var people = report["people"]!;
        Assert.Equal(Affected(report).Count(), people["count"]!.GetValue<int>());
        Assert.Equal((1, 2), (people["invitees"]!.GetValue<int>(), people["removed"]!.GetValue<int>()));

        // The rotation before the window is not a measure taken; the one after it is.
        var measure = Assert.Single(report["measures"]!.AsArray())!;
        Assert.Equal("keys.rotate-data", measure["operation"]!.GetValue<string>());
        Assert.True(measure["at"]!.GetValue<DateTime>() > window.To.UtcDateTime);
    }

    [Fact]
    public async Task Cli_ReportsACompromiseAsCsv_TheFieldsThenOneRowPerPerson()
    {
        var (exitCode, output, error) = await Custodian.AuditAsync(Custodian.DevelopmentSettingsOf(_app), "report", "--compromise", "--from", window.From.ToString("O"), "--to", window.To.ToString("O"), "--format", "csv");

        Assert.True(exitCode == 0, error);
        var parts = output.Replace("\r", string.Empty, StringComparison.Ordinal).Split("\n\n");
        var fields = parts[0].Split('\n');
        Assert.Equal(["field,value", "report,compromise"], fields[..2]);
        Assert.Contains($"from,{window.From.UtcDateTime:O}", fields);
        Assert.Contains("dataCategory,email (blind index)", fields);
        Assert.Single(fields, f => f.StartsWith("measure,", StringComparison.Ordinal));
        var rows = parts[1].TrimEnd('\n').Split('\n');
        Assert.Equal("id,kind,state,storedSince,removedAt,contactEmail,issuedBy", rows[0]);
        Assert.Contains(rows, r => r.StartsWith($"{window.StaysFromInside},profile,stored,", StringComparison.Ordinal) && r.EndsWith($",{window.StaysEmail},", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith($"{window.ErasedInside},profile,removed,", StringComparison.Ordinal) && r.EndsWith(",,", StringComparison.Ordinal));
        Assert.Equal(fields.Single(f => f.StartsWith("people,", StringComparison.Ordinal)), $"people,{rows.Length - 1}");
    }

    [Fact]
    public async Task Cli_ReportsACompromise_RecordsItselfAsBreachReportWithoutAddresses()
    {
        var before = (await CustodianRecord.ReadAsync(_app)).Count;

        await ReportAsync();

        var record = (await CustodianRecord.ReadAsync(_app)).Skip(before).Single();
        Assert.Equal((PrivacyOperationNames.BreachReport, "cli", OperationOutcomes.Succeeded), (record.Operation, record.ActorRole, record.Outcome));
        Assert.Equal(BreachWindow.DescribeCompromise(window.From, window.To), record.Target);
        Assert.Matches(@"^\d+ people stored in the window \(1 invitees, 2 removed\)", record.Detail);
        Assert.DoesNotContain('@', record.Text);
    }

    [Theory]
    [InlineData("later", "earlier", "--from must not be later than --to.")]
    [InlineData("earlier", "future", "--to is in the future; a compromise window ends at the latest now.")]
    public async Task Cli_ReportsACompromiseOverABadWindow_ExitsTwoWithOneLineAndRecordsNothing(string fromAt, string toAt, string message)
    {
        var before = (await CustodianRecord.ReadAsync(_app)).Count;

        var (exitCode, output, error) = await Custodian.AuditAsync(Custodian.DevelopmentSettingsOf(_app), "report", "--compromise", "--from", At(fromAt), "--to", At(toAt));

        Assert.Equal((2, string.Empty, $"audit report: {message}"), (exitCode, output, error.Trim()));
        Assert.Equal(before, (await CustodianRecord.ReadAsync(_app)).Count);
    }

    [Theory]
    [InlineData("--from", "yesterday")]
    [InlineData("--to", "2026-13-45T00:00:00Z")]
    public async Task Cli_ReportsACompromiseWithAMalformedTime_ExitsTwoAndPrintsNothing(string option, string value)
    {
        string[] arguments = ["report", "--compromise", "--from", window.From.ToString("O"), "--to", window.To.ToString("O")];
        arguments[Array.IndexOf(arguments, option) + 1] = value;

        var (exitCode, output, error) = await Custodian.AuditAsync(Custodian.DevelopmentSettingsOf(_app), arguments);

        Assert.Equal((2, string.Empty), (exitCode, output));
        Assert.Contains(value, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_ReportsACompromiseForOneSubject_ExitsTwo()
    {
        var (exitCode, output, error) = await Custodian.AuditAsync(Custodian.DevelopmentSettingsOf(_app), "report", "--compromise", "--from", window.From.ToString("O"), "--to", window.To.ToString("O"), "--subject", "management-demo");

        Assert.Equal((2, string.Empty), (exitCode, output));
        Assert.Contains("--subject", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cli_ReportsACompromiseThroughAMistypedProfileDatabase_RefusesInsteadOfCountingNobody()
    {
        var missing = Path.Combine(Path.GetTempPath(), "cloudjet-tests", Guid.NewGuid().ToString("N"), "cloudjet.db");
        Directory.CreateDirectory(Path.GetDirectoryName(missing)!);
        var settings = Custodian.SettingsOf(missing, _app.KeyRingPath);

        // The host's own key store: on SQLite the default beside the ring, on PostgreSQL its database.
        if (Custodian.SettingsOf(_app).GetValueOrDefault("ConnectionStrings:CloudjetKeys") is { } keyStore)
        {
            settings["ConnectionStrings:CloudjetKeys"] = keyStore;
        }

        settings["environment"] = "Development";

        var (exitCode, output, error) = await Custodian.AuditAsync(settings, "report", "--compromise", "--from", window.From.ToString("O"), "--to", window.To.ToString("O"));

        Assert.True((exitCode, output) == (6, string.Empty), error + output);
        Assert.Contains("ConnectionStrings:CloudjetKeys", error, StringComparison.Ordinal);
        Assert.False(await TestDatabase.ExistsAsync(missing));
    }

    private string At(string when) => when switch
    {
        "earlier" => window.From.ToString("O"),
        "later" => window.To.ToString("O"),
        _ => DateTimeOffset.UtcNow.AddHours(1).ToString("O"),
    };

    private async Task<JsonNode> ReportAsync()
    {
        var (exitCode, output, error) = await Custodian.AuditAsync(Custodian.DevelopmentSettingsOf(_app), "report", "--compromise", "--from", window.From.ToString("O"), "--to", window.To.ToString("O"));
        Assert.True(exitCode == 0, error);
        return JsonNode.Parse(output)!;
    }

    private static IEnumerable<JsonNode> Affected(JsonNode report) => report["affected"]!.AsArray().Select(p => p!);

    private static Guid Id(JsonNode person) => Guid.Parse(person["id"]!.GetValue<string>());
}
