using CloudjetGraph.Core.Custodians;

namespace CloudjetGraph.Api.GraphQL.Audit;

/// <summary>The recorded custodian operation names of <see cref="CustodianOperationNames"/>, as an enum without their common prefix.</summary>
internal sealed class KeyOperationKindGraphType : LabelEnumerationGraphType
{
    public KeyOperationKindGraphType()
        : base(CustodianOperationNames.Prefix)
    {
        Name = "KeyOperationKind";
        Description = "What a recorded key custodian operation did; each value names the recorded operation it stands for and the Cli verb or mutation that runs it.";
        AddLabel(CustodianOperationNames.Init, $"`{CustodianOperationNames.Init}`: a new key ring and its data keys (`cloudjet keys init`).");
        AddLabel(CustodianOperationNames.RotateMaster, $"`{CustodianOperationNames.RotateMaster}`: a new ring key staged (rotateMasterKey).");
        AddLabel(CustodianOperationNames.RewrapDataKeys, $"`{CustodianOperationNames.RewrapDataKeys}`: data keys re-wrapped under the ring's default key (rotateMasterKey without a delay, rewrapDataKeysUnderMasterKey).");
        AddLabel(CustodianOperationNames.RevokeMaster, $"`{CustodianOperationNames.RevokeMaster}`: a ring key revoked (revokeMasterKey).");
        AddLabel(CustodianOperationNames.RotateData, $"`{CustodianOperationNames.RotateData}`: a new data key of a purpose made active (rotateDataKey).");
        AddLabel(CustodianOperationNames.DestroyData, $"`{CustodianOperationNames.DestroyData}`: a data key destroyed (destroyDataKey).");
        AddLabel(CustodianOperationNames.Disable, $"`{CustodianOperationNames.Disable}`: a data key disabled (disableDataKey).");
        AddLabel(CustodianOperationNames.Enable, $"`{CustodianOperationNames.Enable}`: a disabled data key enabled again (enableDataKey).");
        AddLabel(CustodianOperationNames.ScheduleDestroy, $"`{CustodianOperationNames.ScheduleDestroy}`: a disabled data key scheduled for destruction (scheduleDataKeyDestruction).");
        AddLabel(CustodianOperationNames.CancelDestroy, $"`{CustodianOperationNames.CancelDestroy}`: a scheduled destruction cancelled (cancelDataKeyDestruction).");
        AddLabel(CustodianOperationNames.DisabledKeyUse, $"`{CustodianOperationNames.DisabledKeyUse}`: values a gateway did not open because their data key is disabled; one entry per key per refresh interval, with the count.");
        AddLabel(CustodianOperationNames.Rewrap, $"`{CustodianOperationNames.Rewrap}`: a run of the rewrap key job (startKeyJob REWRAP).");
        AddLabel(CustodianOperationNames.Rekey, $"`{CustodianOperationNames.Rekey}`: a run of the rekey key job (startKeyJob REKEY).");
        AddLabel(CustodianOperationNames.Reindex, $"`{CustodianOperationNames.Reindex}`: a run of the reindex key job (startKeyJob REINDEX).");
        AddLabel(CustodianOperationNames.SignRing, $"`{CustodianOperationNames.SignRing}`: the ring files of one ring key signed with the ring certificate (`cloudjet keys sign-ring`).");
        AddLabel(CustodianOperationNames.Sweep, $"`{CustodianOperationNames.Sweep}`: person keys whose profile is gone removed (`cloudjet keys sweep`).");
    }
}
