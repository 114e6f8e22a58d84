using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Authorization;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Audit;

/// <summary>The gateway and the Cli append to one database at the same time and still build one chain: each reads the previous link inside its write transaction.</summary>
public sealed class SharedChainTests
{
    [Fact]
    public async Task GatewayAndCli_AppendConcurrently_OneChainVerifies()
    {
        await using var app = new CloudjetApplication();
        await app.InitializeAsync();
        var management = app.Client(app.StaffToken(Role.Management, "management-demo"));
        var settings = Custodian.DevelopmentSettingsOf(app);
        var from = DateTimeOffset.UtcNow.AddHours(-1).ToString("O");
        var to = DateTimeOffset.UtcNow.AddHours(1).ToString("O");

        var reads = Enumerable.Range(0, 30).Select(_ => management.PostAsync("{ profiles(first: 3) { nodes { id email } } }")).ToList();
        var reports = Enumerable.Range(0, 3).Select(_ => Custodian.AuditAsync(settings, "report", "--from", from, "--to", to)).ToList();
        await Task.WhenAll(reads.Cast<Task>().Concat(reports));

        var (exitCode, output, error) = await Custodian.AuditAsync(settings, "verify");
        Assert.True(exitCode == 0, error);
        Assert.Contains($"{AuditTrailRows.Head(app)} entries verified", output, StringComparison.Ordinal);
        Assert.Equal(3, (await CustodianRecord.ReadAsync(app.DatabasePath)).Count(r => r.Operation == PrivacyOperationNames.BreachReport));
        Assert.All(reads, read => read.Result.Ok());
        Assert.All(reports, report => Assert.Equal(0, report.Result.ExitCode));
    }
}
