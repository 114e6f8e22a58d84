using System.Collections.Concurrent;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Custodians;
using CloudjetGraph.Core.Keys.Jobs;

namespace CloudjetGraph.Api.GraphQL.Keys;

/// <summary>
/// Runs the key jobs that <c>startKeyJob</c> starts, in the gateway's background: each in its own
/// service scope, under the same lease as the Cli (so the two exclude each other), recorded by
/// <see cref="KeyJobs"/>. A run is tied to the gateway's lifetime, never to the request that
/// started it; on shutdown it stops after the batch in flight, interrupted and resumable.
/// </summary>
internal sealed partial class KeyJobBackground(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, ILogger<KeyJobBackground> logger) : IHostedService
{
    private readonly ConcurrentDictionary<Task, bool> running = new();

    /// <summary>
    /// Starts <paramref name="request"/> and answers once it passed every check (running now), or
    /// finished, whichever comes first. A refusal (a held lease, an unknown scope) is thrown here.
    /// </summary>
    /// <returns>The job's state then: running, done, or interrupted (stopped, or broke off after it started).</returns>
    public async Task<string> StartJobAsync(OperationActor actor, KeyJobRequest request, RekeyScope scope, CancellationToken cancellationToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = Task.Run(() => RunAsync(actor, request, scope, started), CancellationToken.None);
        running.TryAdd(run, true);
        _ = run.ContinueWith(finished => running.TryRemove(finished, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        await Task.WhenAny(run, started.Task).WaitAsync(cancellationToken);
        if (!started.Task.IsCompleted || run.IsCompleted)
        {
            // Refused or failed before it started (rethrown for the caller), or already finished.
            var result = await run;
            return result?.Outcome.Finished == true ? KeyJobStates.Done : KeyJobStates.Interrupted;
        }

        return KeyJobStates.Running;
    }

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <inheritdoc />
    /// <remarks>The runs saw the gateway's stopping token already; this waits for their batches in flight.</remarks>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(running.Keys).WaitAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Each run logged and recorded its own failure; stopping goes on.
        }
    }

    private async Task<KeyJobResult?> RunAsync(OperationActor actor, KeyJobRequest request, RekeyScope scope, TaskCompletionSource started)
    {
        await using var services = scopes.CreateAsyncScope();
        try
        {
            var result = await services.ServiceProvider.GetRequiredService<KeyJobs>()
                .RunAsync(actor, request, scope, progress: null, () => started.TrySetResult(), lifetime.ApplicationStopping);
            LogEnded(logger, request.Kind, request.Scope, result.Outcome.Finished);
            return result;
        }
        catch (Exception exception) when (started.Task.IsCompleted)
        {
            // Nobody awaits a run after it started: it is logged here (by type only, as a library
            // may have put anything in the message) and recorded as failed by KeyJobs.
            LogFailed(logger, request.Kind, request.Scope, exception.GetType().Name);
            return null;
        }
    }

    [LoggerMessage(EventId = 1309, EventName = "BackgroundKeyJobEnded", Level = LogLevel.Information, Message = "Background key job {Kind} {Scope} ended; finished: {Finished}.")]
    private static partial void LogEnded(ILogger logger, string kind, string scope, bool finished);

    [LoggerMessage(EventId = 1308, EventName = "BackgroundKeyJobFailed", Level = LogLevel.Error, Message = "Background key job {Kind} {Scope} broke off on {ExceptionType}; starting it again resumes it.")]
    private static partial void LogFailed(ILogger logger, string kind, string scope, string exceptionType);
}
