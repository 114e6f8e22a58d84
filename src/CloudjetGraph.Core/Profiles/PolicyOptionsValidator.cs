using Microsoft.Extensions.Options;

namespace CloudjetGraph.Core.Profiles;

/// <summary>Fails options validation with every problem of <c>Policy:Versions</c> and the grace period, each naming its setting.</summary>
internal sealed class PolicyOptionsValidator : IValidateOptions<PolicyOptions>
{
    public ValidateOptionsResult Validate(string? name, PolicyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        PolicyVersionsParser.Parse(options, out var versionErrors);
        var errors = versionErrors.ToList();
        if (options.ReacceptanceGracePeriod < TimeSpan.Zero)
        {
            errors.Add($"{PolicyOptions.SectionName}:ReacceptanceGracePeriod: must not be negative.");
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
