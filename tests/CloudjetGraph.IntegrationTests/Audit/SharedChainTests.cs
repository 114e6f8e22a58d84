using CloudjetGraph.Core.Audit;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Audit;

/// <summary>
/// The gateway, the Cli and a second gateway append to one database at the same time and still build
/// one chain: each reads the previous link inside its write transaction, after taking the trail's
/// lock (on PostgreSQL an advisory lock, so this is where several instances meet).
/// </summary>
[ProviderSensitive("several writers append to the chain under the trail's lock")]
public sealed class SharedChainTests
{
    [Fact]
    public async Task GatewayAndCli_AppendConcurrently_OneChainVerifies()
    {
        await using var app = new CloudjetApplication();
        await app.InitializeAsync();
        var management = app.Client(app.StaffToken(DefaultRole.Management, "management-demo"));
        var settings = Custodian.DevelopmentSettingsOf(app);
        var from = DateTimeOffset.UtcNow.AddHours(-1).ToString("O");
        var to = DateTimeOffset.UtcNow.AddHours(1).ToString("O");

        var reads = Enumerable.Range(0, 30).Select(_ => management.PostAsync("{ profiles(first: 3) { nodes { id email } } }")).ToList();
        var reports = Enumerable.Range(0, 3).Select(_ => Custodian.AuditAsync(settings, "report", "--from", from, "--to", to)).ToList();
        await Task.WhenAll(reads.Cast<Task>().Concat(reports));

        var (exitCode, output, error) = await Custodian.AuditAsync(settings, "verify");
        Assert.True(exitCode == 0, error);
        Assert.Contains($"{AuditTrailRows.Head(app)} entries verified", output, StringComparison.Ordinal);
        Assert.Equal(3, (await CustodianRecord.ReadAsync(app)).Count(r => r.Operation == PrivacyOperationNames.BreachReport));
        Assert.All(reads, read => read.Result.Ok());
        Assert.All(reports, report => Assert.Equal(0, report.Result.ExitCode));
    }

    [Fact]
    public async Task TwoGateways_ReadInParallel_OneChainVerifies()
    {
        // Disposed in reverse: the second keeps the shared data, the first checks the trail and removes it.
        await using var first = new CloudjetApplication();
        await first.InitializeAsync();
        await using var second = new CloudjetApplication { DataDirectory = first.DataDirectory, KeepData = true };
        await second.InitializeAsync();
        var clients = new[] { first.Client(first.StaffToken(DefaultRole.Management, "management-demo")), second.Client(second.StaffToken(DefaultRole.Management, "management-demo")) };

        var reads = Enumerable.Range(0, 40).Select(i => clients[i % 2].PostAsync("{ profiles(first: 3) { nodes { id email } } }")).ToList();
        await Task.WhenAll(reads);

        var (exitCode, output, error) = await Custodian.AuditAsync(Custodian.DevelopmentSettingsOf(first), "verify");
        Assert.True(exitCode == 0, error);
        Assert.Contains($"{AuditTrailRows.Head(first)} entries verified", output, StringComparison.Ordinal);
        Assert.All(reads, read => read.Result.Ok());
        Assert.True(AuditTrailRows.Head(first) >= 40, "Not every read was recorded.");
    }
}
