using Microsoft.Extensions.Options;

namespace CloudjetGraph.Core.Authorization;

/// <summary>Fails options validation with every matrix problem, each naming its setting.</summary>
internal sealed class FieldMatrixValidator : IValidateOptions<AuthorizationOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthorizationOptions options)
    {
        FieldMatrixParser.Parse(options, out var errors);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
