using System.ComponentModel.DataAnnotations;

namespace CloudjetGraph.Core.Profiles;

/// <summary>
/// The privacy policy the gateway enforces and the controller it names (POLICY.md §1, §8–10). The
/// controller's details are shown anonymously by <c>privacyPolicy</c>, so clients display what the
/// operator configured rather than a copy that drifts.
/// </summary>
public sealed class PolicyOptions
{
    /// <summary>Configuration section: <c>Policy</c>.</summary>
    public const string SectionName = "Policy";

    /// <summary>
    /// The version a new account must accept, and the one an owner is asked to accept when it moves
    /// on. Default <c>2019-04-22</c>, the effective date of the Cloudjet KPI policy.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    [MaxLength(32)]
    public string CurrentVersion { get; set; } = "2019-04-22";

    /// <summary>
    /// <c>Policy:Versions</c>: every version of the policy, oldest first, each with its effective
    /// date and its text or the text's SHA-256 (<see cref="PolicyVersionOptions"/>). The current
    /// version must be listed. Empty: the 2019-04-22 policy alone, by its hash.
    /// </summary>
    public List<PolicyVersionOptions> Versions { get; } = [];

    /// <summary>
    /// How long after the current version took effect an owner who has not accepted it may still
    /// run their other operations; after it, they get <c>CONSENT_REQUIRED</c> on all but reading,
    /// accepting, withdrawing, exporting and deleting. Default 30 days.
    /// </summary>
    public TimeSpan ReacceptanceGracePeriod { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The data controller's legal name (§9). Default <c>Cloudjet Solutions Co., Ltd.</c></summary>
    [Required(AllowEmptyStrings = false)]
    [MaxLength(200)]
    public string ControllerName { get; set; } = "Cloudjet Solutions Co., Ltd.";

    /// <summary>The controller's business registration number (§9). Default <c>0312033924</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    [MaxLength(64)]
    public string BusinessRegistration { get; set; } = "0312033924";

    /// <summary>The controller's address (§9).</summary>
    [Required(AllowEmptyStrings = false)]
    [MaxLength(300)]
    public string ControllerAddress { get; set; } = "2nd floor, F Central building, 16A Le Hong Phong, Ward 12, District 10, Ho Chi Minh City";

    /// <summary>Where people send questions about their data (§8). Default <c>hello@cloudjetsolutions.com</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    [EmailAddress]
    [MaxLength(254)]
    public string ContactEmail { get; set; } = "hello@cloudjetsolutions.com";

    /// <summary>The hotline for questions about their data (§8). Default <c>028 66808662</c>.</summary>
    [Required(AllowEmptyStrings = false)]
    [MaxLength(32)]
    public string Hotline { get; set; } = "028 66808662";
}
