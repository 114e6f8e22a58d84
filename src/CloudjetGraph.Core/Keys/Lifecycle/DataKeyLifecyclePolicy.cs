using System.Globalization;
using CloudjetGraph.Core.Errors;

namespace CloudjetGraph.Core.Keys.Lifecycle;

/// <summary>
/// Decides a data key's transitions from the time and the key's facts alone: no storage, no clock,
/// so every guard is tested with literal dates. Services load the key, ask here, then save and record.
/// </summary>
internal static class DataKeyLifecyclePolicy
{
    /// <summary>Decides <paramref name="transition"/> for <paramref name="key"/> at <paramref name="now"/>; <see cref="DataKeyTransition.ScheduleDestruction"/> goes through <see cref="DecideSchedule"/>.</summary>
    public static DataKeyDecision Decide(DateTimeOffset now, DataKeyFacts key, DataKeyTransition transition)
    {
        ArgumentNullException.ThrowIfNull(key);
        return transition switch
        {
            DataKeyTransition.Activate => From(key, DataKeyState.PreStaged, DataKeyState.Active, "Only a pre-staged key is activated."),
            DataKeyTransition.Retire => From(key, DataKeyState.Active, DataKeyState.DecryptOnly, "Only the active key is retired, by a rotation."),
            DataKeyTransition.Disable => key.State == DataKeyState.Active
                ? Refused(key, "The active key of a purpose is never disabled: every write would fail. Rotate it first.")
                : From(key, DataKeyState.DecryptOnly, DataKeyState.Disabled, "Only a decrypt-only key is disabled."),
            DataKeyTransition.Enable => From(key, DataKeyState.Disabled, DataKeyState.DecryptOnly, "Only a disabled key is enabled; a scheduled key is cancelled first."),
            DataKeyTransition.CancelDestruction => From(key, DataKeyState.ScheduledForDestruction, DataKeyState.Disabled, "Only a key scheduled for destruction has one to cancel."),
            DataKeyTransition.Destroy => DecideDestroy(now, key),
            DataKeyTransition.ScheduleDestruction => throw new ArgumentException("Scheduling needs a delay; call DecideSchedule.", nameof(transition)),
            _ => throw new ArgumentOutOfRangeException(nameof(transition), transition, "Not a data key transition."),
        };
    }

    /// <summary>
    /// Decides scheduling <paramref name="key"/> for destruction <paramref name="delay"/> from
    /// <paramref name="now"/>: only a disabled key, and never sooner than <paramref name="minimumDelay"/>.
    /// </summary>
    public static DataKeyDecision DecideSchedule(DateTimeOffset now, DataKeyFacts key, TimeSpan delay, TimeSpan minimumDelay)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (delay < minimumDelay)
        {
            return DataKeyDecision.Refuse(key.State, ErrorCodes.Validation,
                $"The waiting period {DurationText.Format(delay)} is shorter than the minimum {DurationText.Format(minimumDelay)} (KeyLifecycle:MinimumDestroyDelay).");
        }

        var decision = From(key, DataKeyState.Disabled, DataKeyState.ScheduledForDestruction, "Only a disabled key is scheduled for destruction; disable it first.");
        return decision.IsAllowed ? decision with { DestroyAfter = now + delay } : decision;
    }

    private static DataKeyDecision DecideDestroy(DateTimeOffset now, DataKeyFacts key)
    {
        if (key.State != DataKeyState.ScheduledForDestruction)
        {
            return Refused(key, "Only a key scheduled for destruction is destroyed; disable it and schedule it first.");
        }

        if (key.DestroyAfter is not { } after || now < after)
        {
            return DataKeyDecision.Refuse(key.State, ErrorCodes.KeyDestructionTooEarly,
                $"Its waiting period ends at {Format(key.DestroyAfter)}; it is not destroyed before then.");
        }

        if (key.LastUseRecordedAt is { } used && (key.DestroyScheduledAt is not { } scheduled || used >= scheduled))
        {
            return DataKeyDecision.Refuse(key.State, ErrorCodes.KeyUsedWhileScheduled,
                $"Something tried to open a value under it at {Format(used)}, after it was scheduled: find what still needs it, then cancel and schedule again.");
        }

        if (key.StillUnder > 0)
        {
            return DataKeyDecision.Refuse(key.State, ErrorCodes.KeyInUse, "The census still counts values under it.");
        }

        if (key.Unattributed > 0)
        {
            return DataKeyDecision.Refuse(key.State, ErrorCodes.KeyInUse,
                $"{key.Unattributed} stored value(s) name no known key, and any of them might be under this one: `keys list` shows them.");
        }

        return DataKeyDecision.Allow(DataKeyState.Destroyed);
    }

    private static DataKeyDecision From(DataKeyFacts key, DataKeyState required, DataKeyState to, string reason) =>
        key.State == required ? DataKeyDecision.Allow(to) : Refused(key, reason);

    private static DataKeyDecision Refused(DataKeyFacts key, string reason) =>
        DataKeyDecision.Refuse(key.State, ErrorCodes.KeyTransitionRefused, $"It is {DataKeyStates.Label(key.State)}. {reason}");

    private static string Format(DateTimeOffset? time) =>
        time?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "(not recorded)";
}
