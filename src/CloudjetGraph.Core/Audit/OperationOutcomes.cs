namespace CloudjetGraph.Core.Audit;

/// <summary>How a custodian operation ended: fixed labels pinned by a test.</summary>
public static class OperationOutcomes
{
    /// <summary>It did its work.</summary>
    public const string Succeeded = "succeeded";

    /// <summary>A rule refused it (a key still in use, an unknown key, a ring that may not serve); nothing changed.</summary>
    public const string Refused = "refused";

    /// <summary>It broke off on an unexpected error; the log of the gateway or the tool says why.</summary>
    public const string Failed = "failed";
}
