using System.ComponentModel.DataAnnotations;

namespace CloudjetGraph.Core.Profiles;

/// <summary>The privacy policy the gateway enforces.</summary>
public sealed class PolicyOptions
{
    /// <summary>Configuration section: <c>Policy</c>.</summary>
    public const string SectionName = "Policy";

    /// <summary>
    /// The version a new account must accept. Default <c>2019-04-22</c>, the effective date of the
    /// Cloudjet KPI policy.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    [MaxLength(32)]
    public string CurrentVersion { get; set; } = "2019-04-22";
}
