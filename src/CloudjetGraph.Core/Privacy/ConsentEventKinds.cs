namespace CloudjetGraph.Core.Privacy;

/// <summary>The kinds of <see cref="ConsentEvent"/>: stored strings, pinned by a test, never derived from a C# identifier.</summary>
internal static class ConsentEventKinds
{
    /// <summary>The person accepted a policy version (at sign-up, or later with <c>acceptPolicy</c>).</summary>
    public const string Accepted = "accepted";

    /// <summary>The person withdrew consent (<c>withdrawConsent</c>), which erased their account.</summary>
    public const string Withdrawn = "withdrawn";

    /// <summary>Processing of the person's data was restricted (<c>restrictProcessing</c>, <c>restrictProfile</c>).</summary>
    public const string Restricted = "restricted";

    /// <summary>The restriction was lifted (<c>liftRestriction</c>, <c>liftProfileRestriction</c>).</summary>
    public const string Unrestricted = "unrestricted";
}
