using CloudjetGraph.Core.KeyRing;
using CloudjetGraph.Core.Keys.Lifecycle;

namespace CloudjetGraph.Core.Keys;

/// <summary>
/// The states of a data key as custodians see them; fixed strings that scripts match on.
/// </summary>
public static class DataKeyStates
{
    /// <summary>Made ahead of its activation so every instance has it first.</summary>
    public const string PreStaged = "pre-staged";

    /// <summary>New values of its purpose are written with it.</summary>
    public const string Active = "active";

    /// <summary>Kept to read what it protects; nothing new is written with it.</summary>
    public const string DecryptOnly = "decrypt-only";

    /// <summary>Nothing opens under it (<c>KEY_DISABLED</c>) and every attempt is recorded; <c>keys enable</c> undoes it.</summary>
    public const string Disabled = "disabled";

    /// <summary>Disabled, and destroyed once its waiting period has passed (<c>keys schedule-destroy</c>); <c>keys cancel-destroy</c> undoes it.</summary>
    public const string ScheduledForDestruction = "scheduled-for-destruction";

    /// <summary>Its wrapped bytes were overwritten (<c>keys destroy-data</c>); the row stays as a tombstone naming it.</summary>
    public const string Destroyed = "destroyed";

    /// <summary>The state of a stored key.</summary>
    internal static string Of(DataKey key) => Label(StateOf(key));

    /// <summary>The state of a stored key, read from its row: a later step wins over an earlier one.</summary>
    internal static DataKeyState StateOf(DataKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key switch
        {
            { DestroyedAt: not null } => DataKeyState.Destroyed,
            { DestroyAfter: not null } => DataKeyState.ScheduledForDestruction,
            { DisabledAt: not null } => DataKeyState.Disabled,
            { IsActive: true } => DataKeyState.Active,
            _ => DataKeyState.DecryptOnly,
        };
    }

    /// <summary>The fixed label of <paramref name="state"/>.</summary>
    internal static string Label(DataKeyState state) => state switch
    {
        DataKeyState.PreStaged => PreStaged,
        DataKeyState.Active => Active,
        DataKeyState.DecryptOnly => DecryptOnly,
        DataKeyState.Disabled => Disabled,
        DataKeyState.ScheduledForDestruction => ScheduledForDestruction,
        DataKeyState.Destroyed => Destroyed,
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Not a data key state."),
    };
}
