namespace CloudjetGraph.Core.Custodians;

/// <summary>
/// The recorded names of custodian operations. Auditors and scripts match on them and the audit
/// trail chains them, so each is a fixed string pinned by a test, never derived from a C#
/// identifier that a rename would change.
/// </summary>
public static class CustodianOperationNames
{
    /// <summary>What every custodian operation name starts with, and no privacy operation's does.</summary>
    public const string Prefix = "keys.";

    /// <summary>A new key ring and its data keys (<c>keys init</c>).</summary>
    public const string Init = "keys.init";

    /// <summary>A new ring key staged (<c>keys rotate-master</c>, GraphQL <c>rotateMasterKey</c>).</summary>
    public const string RotateMaster = "keys.rotate-master";

    /// <summary>Data keys re-wrapped under the ring's default key (<c>keys rotate-master</c> without a delay, <c>--rewrap-only</c>, GraphQL <c>rewrapDataKeys</c>).</summary>
    public const string RewrapDataKeys = "keys.rewrap-data-keys";

    /// <summary>A ring key revoked (<c>keys revoke-master</c>, GraphQL <c>revokeMasterKey</c>).</summary>
    public const string RevokeMaster = "keys.revoke-master";

    /// <summary>A new data key of a purpose made active (<c>keys rotate-data</c>, GraphQL <c>rotateDataKey</c>).</summary>
    public const string RotateData = "keys.rotate-data";

    /// <summary>A decrypt-only data key destroyed (<c>keys destroy-data</c>, GraphQL <c>destroyDataKey</c>).</summary>
    public const string DestroyData = "keys.destroy-data";

    /// <summary>A data key disabled (<c>keys disable</c>, GraphQL <c>disableDataKey</c>).</summary>
    public const string Disable = "keys.disable";

    /// <summary>A disabled data key enabled again (<c>keys enable</c>, GraphQL <c>enableDataKey</c>).</summary>
    public const string Enable = "keys.enable";

    /// <summary>A disabled data key scheduled for destruction (<c>keys schedule-destroy</c>, GraphQL <c>scheduleDataKeyDestruction</c>).</summary>
    public const string ScheduleDestroy = "keys.schedule-destroy";

    /// <summary>A scheduled destruction cancelled (<c>keys cancel-destroy</c>, GraphQL <c>cancelDataKeyDestruction</c>).</summary>
    public const string CancelDestroy = "keys.cancel-destroy";

    /// <summary>Values a gateway did not open because their data key is disabled: one entry per key per refresh interval, with the count.</summary>
    public const string DisabledKeyUse = "keys.disabled-key-use";

    /// <summary>A run of the rewrap key job (<c>keys rewrap</c>, GraphQL <c>startKeyJob(kind: REWRAP)</c>).</summary>
    public const string Rewrap = "keys.rewrap";

    /// <summary>A run of the rekey key job (<c>keys rekey</c>, GraphQL <c>startKeyJob(kind: REKEY)</c>).</summary>
    public const string Rekey = "keys.rekey";

    /// <summary>A run of the reindex key job (<c>keys reindex</c>, GraphQL <c>startKeyJob(kind: REINDEX)</c>).</summary>
    public const string Reindex = "keys.reindex";

    /// <summary>The ring files of one ring key signed with the ring certificate (<c>keys sign-ring --key ID</c>).</summary>
    public const string SignRing = "keys.sign-ring";

    /// <summary>Person keys whose profile is gone removed (<c>keys sweep</c>).</summary>
    public const string Sweep = "keys.sweep";
}
