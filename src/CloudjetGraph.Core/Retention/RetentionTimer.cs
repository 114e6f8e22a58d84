using CloudjetGraph.Core.Audit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Core.Retention;

/// <summary>
/// Runs retention in a gateway every <see cref="RetentionOptions.Interval"/> when
/// <see cref="RetentionOptions.RunInGateway"/> is on, the first time one interval after start (a
/// restart loop must not prune at every start). A failed run is logged and recorded, and the next
/// interval tries again: retention is never a reason to stop serving.
/// </summary>
internal sealed partial class RetentionTimer(IServiceScopeFactory scopes, IOptions<RetentionOptions> options, TimeProvider time, ILogger<RetentionTimer> logger) : BackgroundService
{
    // Made with the host, so the first interval counts from its start, not from whenever
    // ExecuteAsync gets a thread (BackgroundService runs it in the background).
    private readonly PeriodicTimer _timer = new(options.Value.Interval, time);

    /// <inheritdoc />
    public override void Dispose()
    {
        _timer.Dispose();
        base.Dispose();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.RunInGateway)
        {
            return;
        }

        while (await _timer.WaitForNextTickAsync(stoppingToken))
        {
            await RunOnceAsync(stoppingToken);
        }
    }

    private async Task RunOnceAsync(CancellationToken stoppingToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<RetentionRun>().RunAsync(OperationActor.Gateway(), stoppingToken);
            LogRan(logger, result.Invitations, result.Refusals);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Never the exception's text, which a database library may have filled.
            LogFailed(logger, exception.GetType().FullName);
        }
    }

    [LoggerMessage(EventId = 1601, EventName = "RetentionRan", Level = LogLevel.Information, Message = "Retention deleted {Invitations} expired invitations and pruned {Refusals} anonymous refusals from the audit trail.")]
    private static partial void LogRan(ILogger logger, int invitations, int refusals);

    [LoggerMessage(EventId = 1602, EventName = "RetentionFailed", Level = LogLevel.Error, Message = "Retention failed ({ExceptionType}); the next interval tries again.")]
    private static partial void LogFailed(ILogger logger, string? exceptionType);
}
