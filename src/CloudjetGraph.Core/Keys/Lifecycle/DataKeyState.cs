namespace CloudjetGraph.Core.Keys.Lifecycle;

/// <summary>Where a data key is in its life; <see cref="DataKeyStates"/> gives the fixed label of each.</summary>
internal enum DataKeyState
{
    /// <summary>Made, known to every instance, not yet writing (rotations today activate at once, so no stored key is in it yet).</summary>
    PreStaged,

    /// <summary>New values of its purpose are written with it.</summary>
    Active,

    /// <summary>Kept to read what it protects; nothing new is written with it.</summary>
    DecryptOnly,

    /// <summary>Nothing opens under it, and every attempt is recorded; enabling undoes it.</summary>
    Disabled,

    /// <summary>Disabled, and to be destroyed once its waiting period has passed; cancelling undoes it.</summary>
    ScheduledForDestruction,

    /// <summary>Its wrapped bytes were overwritten; the row stays as a tombstone naming it.</summary>
    Destroyed,
}
