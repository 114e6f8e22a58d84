namespace CloudjetGraph.Core.Privacy;

/// <summary>Who placed a restriction of processing: stored labels, pinned by a test, never derived from a C# identifier.</summary>
public static class RestrictionPlacers
{
    /// <summary>The person, on their own profile (<c>restrictProcessing</c>); they may lift it themselves.</summary>
    public const string Owner = "owner";

    /// <summary>Staff on the customer's recorded request (<c>restrictProfile</c>); only staff lift it, on a request again.</summary>
    public const string Staff = "staff";
}
