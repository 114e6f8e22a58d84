using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Core.Profiles;

/// <summary>
/// Refuses <c>Policy:EffectiveDate</c>, replaced by each version's date in <c>Policy:Versions</c>:
/// a deployment that moves it to announce a new policy would otherwise see nothing change (no
/// re-consent, no grace period) and not know why. Read from the configuration itself, since the
/// options no longer have the property.
/// </summary>
internal sealed class RetiredPolicyEffectiveDate(IConfiguration configuration) : IValidateOptions<PolicyOptions>
{
    private const string Key = PolicyOptions.SectionName + ":EffectiveDate";

    public ValidateOptionsResult Validate(string? name, PolicyOptions options) =>
        configuration.GetSection(Key).Exists()
            ? ValidateOptionsResult.Fail($"{Key} is replaced by Policy:Versions: give each version its date as Policy:Versions:{{n}}:EffectiveDate, and name the one in force in Policy:CurrentVersion.")
            : ValidateOptionsResult.Success;
}
