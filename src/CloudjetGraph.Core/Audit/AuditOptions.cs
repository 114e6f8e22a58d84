using System.ComponentModel.DataAnnotations;

namespace CloudjetGraph.Core.Audit;

/// <summary>How refusals are aggregated before they reach the trail (see <see cref="DenialAggregator"/>).</summary>
public sealed class AuditOptions
{
    /// <summary>Configuration section: <c>Audit</c>.</summary>
    public const string SectionName = "Audit";

    /// <summary>
    /// How long one denial window lasts: a caller's refusals for one operation leave at most two
    /// entries per window (the first at once, the rest as one summary when it closes). Default one minute.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan DenialWindow { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// The most (caller, operation) pairs counted apart in one window, which bounds the memory a
    /// flood of addresses can take; refusals of further pairs fold into one overflow entry. Default 10,000.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxDenialKeys { get; set; } = 10_000;
}
