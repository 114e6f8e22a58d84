namespace CloudjetGraph.Core.Privacy;

/// <summary>
/// How a correction or an authority export names its profile in the trail, refusals included:
/// the id when the given text is one, never the text itself, which could be anything a caller pasted.
/// </summary>
public static class RecordedProfileId
{
    /// <summary>The profile id of <paramref name="given"/>, or <c>(not a profile id)</c>.</summary>
    public static string Of(string given) =>
        Guid.TryParse(given, out var parsed) ? parsed.ToString() : "(not a profile id)";
}
