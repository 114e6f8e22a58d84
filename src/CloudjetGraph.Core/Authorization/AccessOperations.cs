namespace CloudjetGraph.Core.Authorization;

/// <summary>
/// The operations (root fields) that <c>Authorization:Operations</c> grants to roles, by their
/// schema names. An operation not listed here is open to every caller (privacyPolicy, signUp,
/// login) or reaches rows by the caller's row scope (me, profile, profiles, organizations).
/// </summary>
public static class AccessOperations
{
    /// <summary>Operations that act on the caller's own profile, so only <see cref="Role.Owner"/> may be granted them.</summary>
    public static IReadOnlySet<string> OwnProfile { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "updateMyProfile", "changeMyPassword", "exportMyData", "acceptPolicy", "deleteMyAccount", "withdrawConsent",
        "restrictProcessing", "liftRestriction",
    };

    /// <summary>
    /// The owner's operations that stay open to an owner behind the current policy version: accepting
    /// it, and the rights that need no consent (withdrawing it, exporting, deleting, restricting). Every other
    /// owner operation waits for the acceptance (<see cref="Privacy.ConsentGate"/>).
    /// </summary>
    public static IReadOnlySet<string> WithoutCurrentConsent { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "acceptPolicy", "withdrawConsent", "exportMyData", "deleteMyAccount", "restrictProcessing", "liftRestriction",
    };

    /// <summary>Every operation that needs a grant.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(OwnProfile, StringComparer.Ordinal)
    {
        "breachReport",
        "keys", "keyJobs", "keyOperations",
        "createOrganization", "createInvitation",
        "correctProfile", "exportProfileForAuthority", "eraseProfile", "eraseOrganization",
        "restrictProfile", "liftProfileRestriction",
        "rotateMasterKey", "rewrapDataKeysUnderMasterKey", "revokeMasterKey", "rotateDataKey", "destroyDataKey", "startKeyJob",
        "disableDataKey", "enableDataKey", "scheduleDataKeyDestruction", "cancelDataKeyDestruction",
    };
}
