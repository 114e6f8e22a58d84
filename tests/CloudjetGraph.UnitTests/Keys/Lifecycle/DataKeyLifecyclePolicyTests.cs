using System.Globalization;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.Keys.Lifecycle;

namespace CloudjetGraph.UnitTests.Keys.Lifecycle;

/// <summary>Every allowed and every refused transition of a data key, decided from literal dates.</summary>
public sealed class DataKeyLifecyclePolicyTests
{
    private static readonly DateTimeOffset Now = At("2026-12-05 09:00:00Z");
    private static readonly TimeSpan Week = TimeSpan.FromDays(7);

    // Each state's only way out, by transition (scheduling is tested on its own below). Rows hold the
    // enums' names: the enums are internal to Core, and a public theory cannot take them.
    public static TheoryData<string, string, string> Allowed => new()
    {
        { nameof(DataKeyState.PreStaged), nameof(DataKeyTransition.Activate), nameof(DataKeyState.Active) },
        { nameof(DataKeyState.Active), nameof(DataKeyTransition.Retire), nameof(DataKeyState.DecryptOnly) },
        { nameof(DataKeyState.DecryptOnly), nameof(DataKeyTransition.Disable), nameof(DataKeyState.Disabled) },
        { nameof(DataKeyState.Disabled), nameof(DataKeyTransition.Enable), nameof(DataKeyState.DecryptOnly) },
        { nameof(DataKeyState.ScheduledForDestruction), nameof(DataKeyTransition.CancelDestruction), nameof(DataKeyState.Disabled) },
    };

    public static TheoryData<string, string> Refused()
    {
        var allowed = Allowed.Select(row => (State((string)row[0]), Transition((string)row[1]))).ToHashSet();
        var refused = new TheoryData<string, string>();
        foreach (var state in Enum.GetValues<DataKeyState>())
        {
            foreach (var transition in Enum.GetValues<DataKeyTransition>().Where(t => t is not (DataKeyTransition.ScheduleDestruction or DataKeyTransition.Destroy)))
            {
                if (!allowed.Contains((state, transition)))
                {
                    refused.Add(state.ToString(), transition.ToString());
                }
            }
        }

        return refused;
    }

    [Theory]
    [MemberData(nameof(Allowed))]
    public void Decide_AllowedTransition_LeadsToItsState(string from, string transition, string to)
    {
        var decision = DataKeyLifecyclePolicy.Decide(Now, new DataKeyFacts(State(from)), Transition(transition));

        Assert.True(decision.IsAllowed);
        Assert.Equal(State(to), decision.To);
        Assert.Null(decision.DestroyAfter);
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void Decide_TransitionNotFromItsState_IsRefusedAndStays(string from, string transition)
    {
        var decision = DataKeyLifecyclePolicy.Decide(Now, new DataKeyFacts(State(from)), Transition(transition));

        Assert.False(decision.IsAllowed);
        Assert.Equal(ErrorCodes.KeyTransitionRefused, decision.RefusalCode);
        Assert.Equal(State(from), decision.To);
    }

    [Fact]
    public void Decide_DisableActiveKey_SaysTheActiveKeyIsNeverDisabled()
    {
        var decision = DataKeyLifecyclePolicy.Decide(Now, new DataKeyFacts(DataKeyState.Active), DataKeyTransition.Disable);

        Assert.Equal(ErrorCodes.KeyTransitionRefused, decision.RefusalCode);
        Assert.Equal("It is active. The active key of a purpose is never disabled: every write would fail. Rotate it first.", decision.Reason);
    }

    [Fact]
    public void DecideSchedule_DisabledKey_IsScheduledUntilNowPlusDelay()
    {
        var decision = DataKeyLifecyclePolicy.DecideSchedule(Now, new DataKeyFacts(DataKeyState.Disabled), TimeSpan.FromDays(10), Week);

        Assert.True(decision.IsAllowed);
        Assert.Equal(DataKeyState.ScheduledForDestruction, decision.To);
        Assert.Equal(At("2026-12-15 09:00:00Z"), decision.DestroyAfter);
    }

    [Fact]
    public void DecideSchedule_DelayEqualToMinimum_IsAllowed()
    {
        var decision = DataKeyLifecyclePolicy.DecideSchedule(Now, new DataKeyFacts(DataKeyState.Disabled), Week, Week);

        Assert.Equal(At("2026-12-12 09:00:00Z"), decision.DestroyAfter);
    }

    [Fact]
    public void DecideSchedule_DelayBelowMinimum_IsRefusedAsValidation()
    {
        var decision = DataKeyLifecyclePolicy.DecideSchedule(Now, new DataKeyFacts(DataKeyState.Disabled), TimeSpan.FromHours(167), Week);

        Assert.Equal(ErrorCodes.Validation, decision.RefusalCode);
        Assert.Equal("The waiting period 167h is shorter than the minimum 7d (KeyLifecycle:MinimumDestroyDelay).", decision.Reason);
        Assert.Equal(DataKeyState.Disabled, decision.To);
    }

    [Theory]
    [InlineData(nameof(DataKeyState.PreStaged))]
    [InlineData(nameof(DataKeyState.Active))]
    [InlineData(nameof(DataKeyState.DecryptOnly))]
    [InlineData(nameof(DataKeyState.ScheduledForDestruction))]
    [InlineData(nameof(DataKeyState.Destroyed))]
    public void DecideSchedule_KeyNotDisabled_IsRefused(string state)
    {
        var decision = DataKeyLifecyclePolicy.DecideSchedule(Now, new DataKeyFacts(State(state)), Week, Week);

        Assert.Equal(ErrorCodes.KeyTransitionRefused, decision.RefusalCode);
        Assert.Null(decision.DestroyAfter);
    }

    [Fact]
    public void Decide_DestroyAtTheEndOfTheWaitingPeriod_IsAllowed()
    {
        var decision = DataKeyLifecyclePolicy.Decide(At("2026-12-12 09:00:00Z"), Scheduled(), DataKeyTransition.Destroy);

        Assert.True(decision.IsAllowed);
        Assert.Equal(DataKeyState.Destroyed, decision.To);
    }

    [Fact]
    public void Decide_DestroyOneSecondBeforeTheEnd_IsTooEarly()
    {
        var decision = DataKeyLifecyclePolicy.Decide(At("2026-12-12 08:59:59Z"), Scheduled(), DataKeyTransition.Destroy);

        Assert.Equal(ErrorCodes.KeyDestructionTooEarly, decision.RefusalCode);
        Assert.Equal("Its waiting period ends at 2026-12-12 09:00:00Z; it is not destroyed before then.", decision.Reason);
    }

    [Fact]
    public void Decide_DestroyScheduledKeyWithoutAnEnd_IsTooEarly()
    {
        var decision = DataKeyLifecyclePolicy.Decide(At("2030-01-01 00:00:00Z"), Scheduled() with { DestroyAfter = null }, DataKeyTransition.Destroy);

        Assert.Equal(ErrorCodes.KeyDestructionTooEarly, decision.RefusalCode);
    }

    [Fact]
    public void Decide_DestroyAfterAUseSinceScheduling_IsRefused()
    {
        var decision = DataKeyLifecyclePolicy.Decide(At("2026-12-20 00:00:00Z"), Scheduled() with { LastUseRecordedAt = At("2026-12-06 10:00:00Z") }, DataKeyTransition.Destroy);

        Assert.Equal(ErrorCodes.KeyUsedWhileScheduled, decision.RefusalCode);
        Assert.StartsWith("Something tried to open a value under it at 2026-12-06 10:00:00Z", decision.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_DestroyAfterAUseAtTheMomentOfScheduling_IsRefused()
    {
        var decision = DataKeyLifecyclePolicy.Decide(At("2026-12-20 00:00:00Z"), Scheduled() with { LastUseRecordedAt = Now }, DataKeyTransition.Destroy);

        Assert.Equal(ErrorCodes.KeyUsedWhileScheduled, decision.RefusalCode);
    }

    [Fact]
    public void Decide_DestroyWithAUseOnlyBeforeScheduling_IsAllowed()
    {
        var decision = DataKeyLifecyclePolicy.Decide(At("2026-12-20 00:00:00Z"), Scheduled() with { LastUseRecordedAt = At("2026-12-05 08:59:59Z") }, DataKeyTransition.Destroy);

        Assert.True(decision.IsAllowed);
    }

    [Fact]
    public void Decide_DestroyWithTheCensusAboveZero_IsKeyInUse()
    {
        var decision = DataKeyLifecyclePolicy.Decide(At("2026-12-20 00:00:00Z"), Scheduled() with { StillUnder = 2 }, DataKeyTransition.Destroy);

        Assert.Equal(ErrorCodes.KeyInUse, decision.RefusalCode);
        Assert.Equal("The census still counts values under it.", decision.Reason);
    }

    [Fact]
    public void Decide_DestroyWithUnattributedValues_IsKeyInUse()
    {
        var decision = DataKeyLifecyclePolicy.Decide(At("2026-12-20 00:00:00Z"), Scheduled() with { Unattributed = 1 }, DataKeyTransition.Destroy);

        Assert.Equal(ErrorCodes.KeyInUse, decision.RefusalCode);
        Assert.StartsWith("1 stored value(s) name no known key", decision.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(nameof(DataKeyState.PreStaged))]
    [InlineData(nameof(DataKeyState.Active))]
    [InlineData(nameof(DataKeyState.DecryptOnly))]
    [InlineData(nameof(DataKeyState.Disabled))]
    [InlineData(nameof(DataKeyState.Destroyed))]
    public void Decide_DestroyKeyNotScheduled_IsRefusedEvenLongAfter(string state)
    {
        var decision = DataKeyLifecyclePolicy.Decide(At("2030-01-01 00:00:00Z"), new DataKeyFacts(State(state), DestroyAfter: Now), DataKeyTransition.Destroy);

        Assert.Equal(ErrorCodes.KeyTransitionRefused, decision.RefusalCode);
    }

    [Fact]
    public void Decide_ScheduleWithoutADelay_Throws()
    {
        Assert.Throws<ArgumentException>(() => DataKeyLifecyclePolicy.Decide(Now, new DataKeyFacts(DataKeyState.Disabled), DataKeyTransition.ScheduleDestruction));
    }

    // Scheduled at Now for a week.
    private static DataKeyFacts Scheduled() =>
        new(DataKeyState.ScheduledForDestruction, DestroyScheduledAt: Now, DestroyAfter: At("2026-12-12 09:00:00Z"));

    private static DateTimeOffset At(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);

    private static DataKeyState State(string name) => Enum.Parse<DataKeyState>(name);

    private static DataKeyTransition Transition(string name) => Enum.Parse<DataKeyTransition>(name);
}
