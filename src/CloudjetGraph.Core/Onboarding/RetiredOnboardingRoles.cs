using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Core.Onboarding;

/// <summary>
/// Refuses <c>Onboarding:Roles</c>, replaced by the <c>createOrganization</c> and
/// <c>createInvitation</c> grants of <c>Authorization:Operations</c>: a deployment still setting it
/// would otherwise silently lose those grants. Read from the configuration itself, since the
/// options no longer have the property.
/// </summary>
internal sealed class RetiredOnboardingRoles(IConfiguration configuration) : IValidateOptions<OnboardingOptions>
{
    private const string Key = OnboardingOptions.SectionName + ":Roles";

    public ValidateOptionsResult Validate(string? name, OnboardingOptions options) =>
        configuration.GetSection(Key).Exists()
            ? ValidateOptionsResult.Fail($"{Key} is replaced by Authorization:Operations: list those roles under its createOrganization and createInvitation.")
            : ValidateOptionsResult.Success;
}
