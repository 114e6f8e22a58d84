using CloudjetGraph.Core.Audit;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace CloudjetGraph.IntegrationTests.Retention;

/// <summary>A gateway runs retention every <c>Retention:Interval</c> and records each run as itself, unless <c>Retention:RunInGateway</c> is off.</summary>
public sealed class RetentionTimerTests
{
    [Fact]
    public async Task Gateway_IntervalPasses_RecordsARetentionRunAsTheGateway()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = new CloudjetApplication { Clock = clock }.With("Retention:Interval", "00:01:00");
        await host.InitializeAsync();

        clock.Advance(TimeSpan.FromMinutes(1));

        await Poll.UntilAsync(() => Runs(host).Count == 1, TimeSpan.FromSeconds(20), "the gateway's retention run");
        var run = Runs(host)[0];
        Assert.Equal((OperationActor.GatewayRole, OperationOutcomes.Succeeded, "invitations=0; refusals=0; checkpoints=none"), (run.ActorRole, run.Outcome, run.Detail));
    }

    [Fact]
    public async Task Gateway_RetentionOff_RecordsNoRun()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var host = new CloudjetApplication { Clock = clock }.With("Retention:Interval", "00:01:00").With("Retention:RunInGateway", "false");
        await host.InitializeAsync();

        clock.Advance(TimeSpan.FromMinutes(2));

        // The run, when on, is recorded within a second here; five leave it ample time to show up.
        await Task.Delay(TimeSpan.FromSeconds(5));
        Assert.Empty(Runs(host));
    }

    private static List<AuditEntry> Runs(CloudjetApplication host) =>
        AuditTrailRows.Of(host, AuditEntryKinds.Operation, PrivacyOperationNames.RetentionRun);
}
