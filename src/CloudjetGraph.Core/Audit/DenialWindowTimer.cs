using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Core.Audit;

/// <summary>Closes the denial window every <see cref="AuditOptions.DenialWindow"/>, and once more at shutdown so that no count is left behind.</summary>
internal sealed class DenialWindowTimer(DenialAggregator denials, IOptions<AuditOptions> options, TimeProvider time) : BackgroundService
{
    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await denials.FlushAsync(cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.DenialWindow, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await denials.FlushAsync(stoppingToken);
        }
    }
}
