namespace CloudjetGraph.Core.Privacy;

/// <summary>How long a disclosure to a competent authority may be kept from its person's access log.</summary>
public sealed class ConfidentialityHoldOptions
{
    /// <summary>Configuration section: <c>Authorization</c>, beside the rules on who may disclose.</summary>
    public const string SectionName = "Authorization";

    /// <summary>The highest <see cref="MaxConfidentialityHold"/> a setting may give: a year and a day.</summary>
    public static readonly TimeSpan Ceiling = TimeSpan.FromDays(366);

    /// <summary>
    /// <c>Authorization:MaxConfidentialityHold</c>: the longest hold an authority export may ask for,
    /// counted from the export. Default 90 days: a quarter lets an inquiry act before the person
    /// learns of it, while a disclosure still reaches its person within the same reporting season; it
    /// bounds what management can hide, because a hold cannot be lengthened (a later export is a
    /// disclosure of its own and leaves the first one's hold as it was). Zero allows no hold at all;
    /// more than <see cref="Ceiling"/> or a negative value stops startup.
    /// </summary>
    public TimeSpan MaxConfidentialityHold { get; set; } = TimeSpan.FromDays(90);
}
