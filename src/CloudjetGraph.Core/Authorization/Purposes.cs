namespace CloudjetGraph.Core.Authorization;

/// <summary>
/// The purposes of POLICY.md §2 for which personal data is processed, as configuration names them
/// and the audit trail stores them. Fixed strings, never derived from a C# name: they reach the
/// chained trail, so a rename must not change them (pinned by a test).
/// </summary>
public static class Purposes
{
    /// <summary>Keeping the customer's account.</summary>
    public const string Account = "account";

    /// <summary>Customer care: requests, complaints, feedback.</summary>
    public const string CustomerCare = "customer-care";

    /// <summary>A legal obligation: what a competent authority may require.</summary>
    public const string LegalObligation = "legal-obligation";

    /// <summary>Every purpose, in the policy's order.</summary>
    public static IReadOnlyList<string> All { get; } = [Account, CustomerCare, LegalObligation];
}
