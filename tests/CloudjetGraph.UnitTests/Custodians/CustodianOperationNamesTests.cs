using System.Reflection;
using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Custodians;

namespace CloudjetGraph.UnitTests.Custodians;

/// <summary>
/// Pins the names the record of custodian operations stores: auditors match on them and the audit
/// trail will chain them, so a rename in C# must never change one.
/// </summary>
public sealed class CustodianOperationNamesTests
{
    [Fact]
    public void Names_EveryOperation_IsItsPinnedString()
    {
        Assert.Equal(
            ["keys.", "keys.cancel-destroy", "keys.destroy-data", "keys.disable", "keys.disabled-key-use", "keys.enable", "keys.init", "keys.reindex", "keys.rekey", "keys.revoke-master", "keys.rewrap", "keys.rewrap-data-keys", "keys.rotate-data", "keys.rotate-master", "keys.schedule-destroy", "keys.sign-ring", "keys.sweep"],
            Constants(typeof(CustodianOperationNames)));
        Assert.Equal("keys.", CustodianOperationNames.Prefix);
        Assert.Equal("keys.init", CustodianOperationNames.Init);
        Assert.Equal("keys.rotate-master", CustodianOperationNames.RotateMaster);
        Assert.Equal("keys.rewrap-data-keys", CustodianOperationNames.RewrapDataKeys);
        Assert.Equal("keys.revoke-master", CustodianOperationNames.RevokeMaster);
        Assert.Equal("keys.rotate-data", CustodianOperationNames.RotateData);
        Assert.Equal("keys.destroy-data", CustodianOperationNames.DestroyData);
        Assert.Equal("keys.rewrap", CustodianOperationNames.Rewrap);
        Assert.Equal("keys.rekey", CustodianOperationNames.Rekey);
        Assert.Equal("keys.reindex", CustodianOperationNames.Reindex);
        Assert.Equal("keys.sweep", CustodianOperationNames.Sweep);
        Assert.Equal("keys.sign-ring", CustodianOperationNames.SignRing);
        Assert.Equal("keys.disable", CustodianOperationNames.Disable);
        Assert.Equal("keys.enable", CustodianOperationNames.Enable);
        Assert.Equal("keys.schedule-destroy", CustodianOperationNames.ScheduleDestroy);
        Assert.Equal("keys.cancel-destroy", CustodianOperationNames.CancelDestroy);
        Assert.Equal("keys.disabled-key-use", CustodianOperationNames.DisabledKeyUse);
    }

    [Fact]
    public void PrivacyNames_EveryOperation_IsItsPinnedString()
    {
        Assert.Equal(
            ["privacy.accept-policy", "privacy.breach-report", "privacy.correct-profile", "privacy.delete-account", "privacy.erase-organization", "privacy.erase-profile", "privacy.export-for-authority", "privacy.export-my-data", "privacy.lift-profile-restriction", "privacy.lift-restriction", "privacy.prune-refusals", "privacy.restrict-processing", "privacy.restrict-profile", "privacy.retention-run", "privacy.withdraw-consent"],
            Constants(typeof(PrivacyOperationNames)));
    }

    [Fact]
    public void PrivacyNames_NoOperation_StartsWithTheCustodianPrefix()
    {
        // keyOperations lists custodian operations by this prefix: a privacy name with it would show custodians privacy requests.
        Assert.DoesNotContain(Constants(typeof(PrivacyOperationNames)), name => name.StartsWith(CustodianOperationNames.Prefix, StringComparison.Ordinal));
    }

    [Fact]
    public void Kinds_EveryEntryKind_IsItsPinnedString()
    {
        Assert.Equal(["checkpoint", "denial", "operation", "release"], Constants(typeof(AuditEntryKinds)));
    }

    [Fact]
    public void Outcomes_EveryOutcome_IsItsPinnedString()
    {
        Assert.Equal(["failed", "refused", "succeeded"], Constants(typeof(OperationOutcomes)));
        Assert.Equal("succeeded", OperationOutcomes.Succeeded);
        Assert.Equal("refused", OperationOutcomes.Refused);
        Assert.Equal("failed", OperationOutcomes.Failed);
    }

    [Fact]
    public void Cli_Actor_IsTheOperatingSystemUserWithTheCliRole()
    {
        var actor = OperationActor.Cli();

        Assert.Equal(Environment.UserName, actor.Subject);
        Assert.Equal("cli", actor.Role);
    }

    [Fact]
    public void Of_KeyCustodianCaller_IsTheTokenSubjectAndRoleName()
    {
        var actor = OperationActor.Of(new Caller(Role.KeyCustodian, "custodian-7", new HashSet<Guid>()));

        Assert.Equal(new OperationActor("custodian-7", "keyCustodian"), actor);
    }

    private static List<string> Constants(Type type) =>
        [.. type.GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!).Order(StringComparer.Ordinal)];
}
