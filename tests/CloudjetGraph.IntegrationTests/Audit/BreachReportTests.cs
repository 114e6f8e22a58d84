using System.Text.Json.Nodes;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Audit;

/// <summary>
/// The breach report for a window lists exactly the profiles read in it (reads before and after
/// excluded), who read them and which fields: with contact emails from the Cli, ids only over
/// GraphQL for management; each report is itself audited.
/// </summary>
[ProviderSensitive("selects audit entries by a time window in SQL")]
public sealed class BreachReportTests(BreachWindowFixture window) : IClassFixture<BreachWindowFixture>
{
    private readonly CloudjetApplication _app = window.App;
    private readonly string _subject = window.Subject;
    private readonly List<Guid> _profiles = window.Profiles;
    private readonly Dictionary<Guid, string> _emails = window.Emails;
    private readonly DateTimeOffset _from = window.From;
    private readonly DateTimeOffset _to = window.To;

    [Fact]
    public async Task Cli_ReportsAWindow_ListsExactlyTheProfilesReadInItWithEmails()
    {
        var (exitCode, output, error) = await Custodian.AuditAsync(Custodian.DevelopmentSettingsOf(_app), "report", "--from", _from.ToString("O"), "--to", _to.ToString("O"));

        Assert.True(exitCode == 0, error);
        var profiles = JsonNode.Parse(output)!["profiles"]!.AsArray();
        Assert.Equal(_profiles[1..3], profiles.Select(p => Guid.Parse(p!["profileId"]!.GetValue<string>())));
        Assert.All(profiles, p => Assert.Equal(_emails[Guid.Parse(p!["profileId"]!.GetValue<string>())], p["contactEmail"]!.GetValue<string>()));
        var reader = Assert.Single(profiles[1]!["readers"]!.AsArray())!;
        Assert.Equal((_subject, "management", 2), (reader["subject"]!.GetValue<string>(), reader["role"]!.GetValue<string>(), reader["reads"]!.GetValue<int>()));
        Assert.Equal(["email", "jobTitle"], reader["fields"]!.AsArray().Select(f => f!.GetValue<string>()));
    }

    [Fact]
    public async Task Cli_ReportsAsCsv_OneRowPerProfileAndReader()
    {
        var (exitCode, output, error) = await Custodian.AuditAsync(Custodian.DevelopmentSettingsOf(_app), "report", "--from", _from.ToString("O"), "--to", _to.ToString("O"), "--format", "csv", "--subject", _subject);

        Assert.True(exitCode == 0, error);
        var lines = output.Trim().Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("profileId,contactEmail,subject,role,fields,reads,firstAt,lastAt,confidentialUntil", lines[0]);
        Assert.Equal([$"{_profiles[1]},{_emails[_profiles[1]]},{_subject},management,email;jobTitle,1", $"{_profiles[2]},{_emails[_profiles[2]]},{_subject},management,email;jobTitle,2"], lines.Skip(1).Select(l => string.Join(',', l.Split(',')[..6])));
    }

    [Fact]
    public async Task Cli_Reports_RecordsItselfAsBreachReport()
    {
        var before = (await CustodianRecord.ReadAsync(_app)).Count;

        await Custodian.AuditAsync(Custodian.DevelopmentSettingsOf(_app), "report", "--from", _from.ToString("O"), "--to", _to.ToString("O"));

        var record = (await CustodianRecord.ReadAsync(_app)).Skip(before).Single();
        Assert.Equal((PrivacyOperationNames.BreachReport, "cli", OperationOutcomes.Succeeded), (record.Operation, record.ActorRole, record.Outcome));
        Assert.StartsWith("2 profiles affected", record.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain('@', record.Text);
    }

    [Fact]
    public async Task Cli_ReportsAnEmptyOrBackwardWindow_ExitsOneWithOneLine()
    {
        var (exitCode, output, error) = await Custodian.AuditAsync(Custodian.DevelopmentSettingsOf(_app), "report", "--from", _to.ToString("O"), "--to", _from.ToString("O"));

        Assert.Equal((2, string.Empty, "audit report: --from must be earlier than --to."), (exitCode, output, error.Trim()));
    }

    [Fact]
    public async Task Management_QueriesBreachReport_GetsTheSameProfilesIdsOnly()
    {
        var response = await _app.Client(_app.StaffToken(DefaultRole.Management, "management-demo")).PostAsync(
            "query($from: DateTimeOffset!, $to: DateTimeOffset!) { breachReport(from: $from, to: $to) { profileId readers { subject role fields reads } } }", new { from = _from, to = _to });

        var profiles = response.Ok()["breachReport"]!.AsArray();
        Assert.Equal(_profiles[1..3], profiles.Select(p => Guid.Parse(p!["profileId"]!.GetValue<string>())));
        Assert.DoesNotContain('@', response.Body);
        var record = (await CustodianRecord.ReadAsync(_app))[^1];
        Assert.Equal((PrivacyOperationNames.BreachReport, "management"), (record.Operation, record.ActorRole));
    }

    [Theory]
    [InlineData(DefaultRole.Sales, "sales-demo", ErrorCodes.NotAuthorized)]
    [InlineData(DefaultRole.Support, "support-demo", ErrorCodes.NotAuthorized)]
    [InlineData(DefaultRole.KeyCustodian, "custodian", ErrorCodes.NotAuthorized)]
    public async Task NonManagement_QueriesBreachReport_GetsRefusedAndNothingIsReported(DefaultRole role, string subject, string code)
    {
        var before = (await CustodianRecord.ReadAsync(_app)).Count;

        var response = await _app.Client(_app.StaffToken(role, subject)).PostAsync(
            "query($from: DateTimeOffset!, $to: DateTimeOffset!) { breachReport(from: $from, to: $to) { profileId } }", new { from = _from, to = _to });

        Assert.Equal([code], response.Codes);
        Assert.Equal(before, (await CustodianRecord.ReadAsync(_app)).Count);
    }

    [Fact]
    public async Task Management_QueriesABackwardWindow_GetsValidation()
    {
        var response = await _app.Client(_app.StaffToken(DefaultRole.Management, "management-demo")).PostAsync(
            "query($from: DateTimeOffset!, $to: DateTimeOffset!) { breachReport(from: $from, to: $to) { profileId } }", new { from = _to, to = _from });

        Assert.Equal([ErrorCodes.Validation], response.Codes);
    }
}
