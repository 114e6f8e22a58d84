using CloudjetGraph.Core.Protection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Core.KeyRing;

/// <summary>
/// Keeps a running gateway in step with data key states that a custodian changes elsewhere: it
/// reads which keys are disabled before the gateway serves, then every
/// <see cref="ProtectionOptions.RefreshInterval"/> records the attempts made under disabled keys
/// and reads the states again. So a disable or an enable reaches every instance within that interval.
/// </summary>
internal sealed partial class DataKeyStateRefresher(
    IServiceScopeFactory scopes,
    IOptions<ProtectionOptions> options,
    TimeProvider time,
    ILogger<DataKeyStateRefresher> logger) : BackgroundService
{
    /// <inheritdoc />
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        // Before the first request: a gateway must never serve under a key disabled before it started.
        await LoadAsync(cancellationToken);
        await base.StartAsync(cancellationToken);
    }

    /// <inheritdoc />
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await TryAsync(RecordUsesAsync, cancellationToken);
    }

    /// <summary>Records the attempts gathered so far and reloads the states once.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await TryAsync(RecordUsesAsync, cancellationToken);
        await TryAsync(LoadAsync, cancellationToken);
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RefreshInterval, time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await RefreshAsync(stoppingToken);
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DisabledDataKeysLoader>().LoadAsync(cancellationToken);
    }

    private async Task RecordUsesAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DisabledKeyUseRecorder>().RecordAsync(cancellationToken);
    }

    private async Task TryAsync(Func<CancellationToken, Task> step, CancellationToken cancellationToken)
    {
        try
        {
            await step(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The states loaded before keep applying, and uses not yet written are lost to the trail
            // but were counted in the metric; the next tick tries again.
            LogRefreshFailed(logger, exception.GetType().Name);
        }
    }

    [LoggerMessage(EventId = 1028, EventName = "DataKeyStateRefreshFailed", Level = LogLevel.Warning, Message = "Reading data key states or recording uses of disabled keys failed ({ErrorType}); the states loaded before keep applying.")]
    private static partial void LogRefreshFailed(ILogger logger, string errorType);
}
