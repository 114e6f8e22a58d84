using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Core;

/// <summary>
/// Refuses a setting that a release replaced, naming what replaced it: a deployment still setting
/// it would otherwise see it silently ignored. Read from the configuration itself, since the
/// options no longer have the property.
/// </summary>
/// <param name="configuration">The configuration the options are bound from.</param>
/// <param name="key">The retired setting, <c>Section:Key</c>.</param>
/// <param name="replacement">What to set instead, as the sentence after "is replaced by".</param>
internal sealed class RetiredSetting<TOptions>(IConfiguration configuration, string key, string replacement) : IValidateOptions<TOptions>
    where TOptions : class
{
    public ValidateOptionsResult Validate(string? name, TOptions options) =>
        configuration.GetSection(key).Exists()
            ? ValidateOptionsResult.Fail($"{key} is replaced by {replacement}")
            : ValidateOptionsResult.Success;
}
