using System.Globalization;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Custodians;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.KeyRing;
using CloudjetGraph.Core.Protection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Core.Keys.Lifecycle;

/// <summary>
/// The reversible steps of a data key's life: disable, enable, schedule destruction, cancel it.
/// Each loads the key, asks <see cref="DataKeyLifecyclePolicy"/>, saves only if the row is still in
/// the state it was read in, makes this process follow at once (others within
/// <see cref="ProtectionOptions.RefreshInterval"/>), and is recorded by <see cref="OperationLog"/>,
/// refusals included. Nothing here touches what the key protects.
/// </summary>
public sealed partial class DataKeyLifecycle(
    CloudjetDbContext db,
    DisabledDataKeysLoader disabledKeys,
    IOptions<KeyLifecycleOptions> options,
    OperationLog operations,
    TimeProvider time,
    ILogger<DataKeyLifecycle> logger)
{
    /// <summary>Disables decrypt-only data key <paramref name="id"/>: nothing opens under it until it is enabled.</summary>
    /// <exception cref="DomainException"><see cref="ErrorCodes.KeyNotFound"/>, or <see cref="ErrorCodes.KeyTransitionRefused"/> for a key that is not decrypt-only (the active one above all).</exception>
    public Task<DataKeyStateChange> DisableAsync(OperationActor actor, Guid id, CancellationToken cancellationToken) =>
        Run(actor, CustodianOperationNames.Disable, id, DataKeyTransition.Disable, null, cancellationToken);

    /// <summary>Enables disabled data key <paramref name="id"/> again: it is decrypt-only, and everything under it reads as before.</summary>
    /// <exception cref="DomainException"><see cref="ErrorCodes.KeyNotFound"/>, or <see cref="ErrorCodes.KeyTransitionRefused"/> for a key that is not disabled.</exception>
    public Task<DataKeyStateChange> EnableAsync(OperationActor actor, Guid id, CancellationToken cancellationToken) =>
        Run(actor, CustodianOperationNames.Enable, id, DataKeyTransition.Enable, null, cancellationToken);

    /// <summary>
    /// Schedules disabled data key <paramref name="id"/> for destruction after <paramref name="delay"/>
    /// (<see cref="KeyLifecycleOptions.MinimumDestroyDelay"/> when null, and never less).
    /// </summary>
    /// <exception cref="DomainException"><see cref="ErrorCodes.KeyNotFound"/>; <see cref="ErrorCodes.Validation"/> for a delay under the minimum; <see cref="ErrorCodes.KeyTransitionRefused"/> for a key that is not disabled.</exception>
    public Task<DataKeyStateChange> ScheduleDestructionAsync(OperationActor actor, Guid id, TimeSpan? delay, CancellationToken cancellationToken) =>
        Run(actor, CustodianOperationNames.ScheduleDestroy, id, DataKeyTransition.ScheduleDestruction, delay ?? options.Value.MinimumDestroyDelay, cancellationToken);

    /// <summary>Cancels the scheduled destruction of data key <paramref name="id"/>; it stays disabled.</summary>
    /// <exception cref="DomainException"><see cref="ErrorCodes.KeyNotFound"/>, or <see cref="ErrorCodes.KeyTransitionRefused"/> for a key that is not scheduled.</exception>
    public Task<DataKeyStateChange> CancelDestructionAsync(OperationActor actor, Guid id, CancellationToken cancellationToken) =>
        Run(actor, CustodianOperationNames.CancelDestroy, id, DataKeyTransition.CancelDestruction, null, cancellationToken);

    private Task<DataKeyStateChange> Run(OperationActor actor, string operation, Guid id, DataKeyTransition transition, TimeSpan? delay, CancellationToken cancellationToken) =>
        operations.RunAsync(
            actor,
            operation,
            $"data key {id}" + (delay is { } requested ? $", after {DurationText.Format(requested)}" : string.Empty),
            token => ApplyAsync(id, transition, delay, token),
            result => new OperationSummary(
                $"{result.Purpose} key {id}",
                $"Now {result.State}" + (result.DestroyAfter is { } after ? $"; not destroyed before {after.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)}." : ".")),
            cancellationToken);

    private async Task<DataKeyStateChange> ApplyAsync(Guid id, DataKeyTransition transition, TimeSpan? delay, CancellationToken cancellationToken)
    {
        var key = await db.DataKeys.AsNoTracking().SingleOrDefaultAsync(k => k.Id == id, cancellationToken)
            ?? throw new DomainException(ErrorCodes.KeyNotFound, $"The database holds no data key {id}.", "id");
        var now = time.GetUtcNow();
        var from = DataKeyStates.StateOf(key);
        var facts = new DataKeyFacts(from, key.DestroyScheduledAt, key.DestroyAfter, key.LastUseRecordedAt);
        var decision = transition == DataKeyTransition.ScheduleDestruction
            ? DataKeyLifecyclePolicy.DecideSchedule(now, facts, delay!.Value, options.Value.MinimumDestroyDelay)
            : DataKeyLifecyclePolicy.Decide(now, facts, transition);
        if (!decision.IsAllowed)
        {
            throw new DomainException(decision.RefusalCode!, $"Data key {id}: {decision.Reason}", decision.RefusalCode == ErrorCodes.Validation ? "after" : null);
        }

        var updated = await db.DataKeys.Where(k => k.Id == id).Where(DataKeyStateFilter.In(from)).ExecuteUpdateAsync(
            setters =>
            {
                switch (transition)
                {
                    case DataKeyTransition.Disable:
                        setters.SetProperty(k => k.DisabledAt, now);
                        break;
                    case DataKeyTransition.Enable:
                        setters.SetProperty(k => k.DisabledAt, (DateTimeOffset?)null);
                        break;
                    case DataKeyTransition.ScheduleDestruction:
                        setters.SetProperty(k => k.DestroyScheduledAt, now).SetProperty(k => k.DestroyAfter, decision.DestroyAfter);
                        break;
                    case DataKeyTransition.CancelDestruction:
                        setters.SetProperty(k => k.DestroyScheduledAt, (DateTimeOffset?)null).SetProperty(k => k.DestroyAfter, (DateTimeOffset?)null);
                        break;
                    default:
                        throw new ArgumentOutOfRangeException(nameof(transition), transition, "Not a reversible step.");
                }
            },
            cancellationToken);
        if (updated != 1)
        {
            throw new DomainException(ErrorCodes.Conflict, $"Data key {id} changed while this step ran; run `keys list` and try again.");
        }

        // This process follows at once; the others on their next refresh.
        await disabledKeys.LoadAsync(cancellationToken);
        var purpose = DataKeyPurposeLabels.Of(key.Purpose);
        var state = DataKeyStates.Label(decision.To);
        LogDataKeyStateChanged(logger, id, purpose, state);
        return new DataKeyStateChange(id, purpose, state, decision.DestroyAfter);
    }

    [LoggerMessage(EventId = 1032, EventName = "DataKeyStateChanged", Level = LogLevel.Warning, Message = "Data key {DataKeyId} ({Purpose}) is now {State}.")]
    private static partial void LogDataKeyStateChanged(ILogger logger, Guid dataKeyId, string purpose, string state);
}
