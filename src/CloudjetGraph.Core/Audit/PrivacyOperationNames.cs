namespace CloudjetGraph.Core.Audit;

/// <summary>
/// The recorded names of privacy operations (the rights of POLICY.md §4, §5, §7, restriction and the breach
/// report of §6). Auditors and scripts match on them and the audit trail chains them, so each is a
/// fixed string pinned by a test, never derived from a C# identifier that a rename would change.
/// </summary>
public static class PrivacyOperationNames
{
    /// <summary>An owner accepted a policy version (GraphQL <c>acceptPolicy</c>).</summary>
    public const string AcceptPolicy = "privacy.accept-policy";

    /// <summary>An owner withdrew consent, which erases their account (GraphQL <c>withdrawConsent</c>).</summary>
    public const string WithdrawConsent = "privacy.withdraw-consent";

    /// <summary>An owner erased their own account (GraphQL <c>deleteMyAccount</c>).</summary>
    public const string DeleteAccount = "privacy.delete-account";

    /// <summary>Staff erased one profile on the customer's recorded request (GraphQL <c>eraseProfile</c>).</summary>
    public const string EraseProfile = "privacy.erase-profile";

    /// <summary>Management erased every profile of a customer organisation that cancelled (GraphQL <c>eraseOrganization</c>).</summary>
    public const string EraseOrganization = "privacy.erase-organization";

    /// <summary>Staff corrected a profile on a recorded request (GraphQL <c>correctProfile</c>).</summary>
    public const string CorrectProfile = "privacy.correct-profile";

    /// <summary>An owner exported every stored fact about them (GraphQL <c>exportMyData</c>).</summary>
    public const string ExportMyData = "privacy.export-my-data";

    /// <summary>Management disclosed a profile to an authority on a recorded legal basis (GraphQL <c>exportProfileForAuthority</c>).</summary>
    public const string ExportForAuthority = "privacy.export-for-authority";

    /// <summary>An owner restricted the processing of their data (GraphQL <c>restrictProcessing</c>).</summary>
    public const string RestrictProcessing = "privacy.restrict-processing";

    /// <summary>An owner lifted the restriction they placed (GraphQL <c>liftRestriction</c>).</summary>
    public const string LiftRestriction = "privacy.lift-restriction";

    /// <summary>Staff restricted the processing of a profile on a recorded request (GraphQL <c>restrictProfile</c>).</summary>
    public const string RestrictProfile = "privacy.restrict-profile";

    /// <summary>Staff lifted a profile's restriction on a recorded request (GraphQL <c>liftProfileRestriction</c>).</summary>
    public const string LiftProfileRestriction = "privacy.lift-profile-restriction";

    /// <summary>A breach scope report was produced (Cli <c>audit report</c>, GraphQL <c>breachReport</c>).</summary>
    public const string BreachReport = "privacy.breach-report";

    /// <summary>Retention ran: expired invitations purged, old anonymous refusals pruned (Cli <c>retention run</c>, the gateway's retention timer).</summary>
    public const string RetentionRun = "privacy.retention-run";

    /// <summary>The operation of a <see cref="AuditEntryKinds.Checkpoint"/> entry: anonymous refusals pruned from the trail.</summary>
    public const string PruneRefusals = "privacy.prune-refusals";
}
