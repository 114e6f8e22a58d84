using CloudjetGraph.Core.KeyRing;
using CloudjetGraph.Core.Keys;
using CloudjetGraph.Core.Keys.Lifecycle;
using CloudjetGraph.Core.Protection;

namespace CloudjetGraph.UnitTests.Keys.Lifecycle;

/// <summary>Pins the state labels scripts match on, and how a stored row's columns give its state.</summary>
public sealed class DataKeyStatesTests
{
    private static readonly DateTimeOffset At = new(2026, 12, 5, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(nameof(DataKeyState.PreStaged), "pre-staged")]
    [InlineData(nameof(DataKeyState.Active), "active")]
    [InlineData(nameof(DataKeyState.DecryptOnly), "decrypt-only")]
    [InlineData(nameof(DataKeyState.Disabled), "disabled")]
    [InlineData(nameof(DataKeyState.ScheduledForDestruction), "scheduled-for-destruction")]
    [InlineData(nameof(DataKeyState.Destroyed), "destroyed")]
    public void Label_EachState_IsItsPinnedString(string state, string label)
    {
        // The state by name: the enum is internal to Core, and a public theory cannot take it.
        Assert.Equal(label, DataKeyStates.Label(Enum.Parse<DataKeyState>(state)));
    }

    [Fact]
    public void StateOf_RowColumns_LaterStepWins()
    {
        var key = Key(isActive: false);
        Assert.Equal(DataKeyState.DecryptOnly, DataKeyStates.StateOf(key));

        key.DisabledAt = At;
        Assert.Equal(DataKeyState.Disabled, DataKeyStates.StateOf(key));

        key.DestroyScheduledAt = At;
        key.DestroyAfter = At.AddDays(7);
        Assert.Equal(DataKeyState.ScheduledForDestruction, DataKeyStates.StateOf(key));

        key.DestroyedAt = At.AddDays(8);
        Assert.Equal(DataKeyState.Destroyed, DataKeyStates.StateOf(key));
    }

    [Fact]
    public void StateOf_ActiveRow_IsActive()
    {
        Assert.Equal(DataKeyState.Active, DataKeyStates.StateOf(Key(isActive: true)));
    }

    private static DataKey Key(bool isActive) => new()
    {
        Id = Guid.Parse("0193a000-0000-7000-8000-000000000001"),
        Purpose = DataKeyPurpose.PersonKeyWrapping,
        WrappedKey = [1],
        IsActive = isActive,
        DevelopmentOnly = false,
        CreatedAt = At,
    };
}
