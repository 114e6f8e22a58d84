namespace CloudjetGraph.Core.Privacy;

/// <summary>
/// Why processing of a profile is restricted: the grounds the personal-data law gives for the right
/// to restriction. A fixed set of stored labels rather than free text, because the consent history
/// and the audit trail keep it for good and must never hold a personal value; pinned by a test.
/// </summary>
public static class RestrictionReasons
{
    /// <summary>The person contests the accuracy of their data, while it is checked.</summary>
    public const string AccuracyContested = "accuracy-contested";

    /// <summary>The processing is unlawful and the person asks for restriction instead of erasure.</summary>
    public const string ProcessingUnlawful = "processing-unlawful";

    /// <summary>The data is no longer needed for its purpose but the person needs it kept for a legal claim.</summary>
    public const string NoLongerNeeded = "no-longer-needed";

    /// <summary>The person objected to the processing, while the objection is weighed.</summary>
    public const string ObjectionPending = "objection-pending";

    /// <summary>Every reason.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal) { AccuracyContested, ProcessingUnlawful, NoLongerNeeded, ObjectionPending };
}
