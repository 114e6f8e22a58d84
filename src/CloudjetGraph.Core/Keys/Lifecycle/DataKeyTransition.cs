namespace CloudjetGraph.Core.Keys.Lifecycle;

/// <summary>The changes a data key's state can go through, each with its own guard in <see cref="DataKeyLifecyclePolicy"/>.</summary>
internal enum DataKeyTransition
{
    /// <summary>Pre-staged to active.</summary>
    Activate,

    /// <summary>Active to decrypt-only (a rotation made another key active).</summary>
    Retire,

    /// <summary>Decrypt-only to disabled.</summary>
    Disable,

    /// <summary>Disabled to decrypt-only.</summary>
    Enable,

    /// <summary>Disabled to scheduled for destruction.</summary>
    ScheduleDestruction,

    /// <summary>Scheduled for destruction back to disabled.</summary>
    CancelDestruction,

    /// <summary>Scheduled for destruction to destroyed, once the waiting period has passed and nothing needs the key.</summary>
    Destroy,
}
