using Microsoft.Extensions.Options;

namespace CloudjetGraph.Core.Authorization;

/// <summary>Fails options validation with every matrix and operation problem, each naming its setting.</summary>
internal sealed class FieldMatrixValidator : IValidateOptions<AuthorizationOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthorizationOptions options)
    {
        var matrix = FieldMatrixParser.Parse(options, out var fieldErrors);
        OperationGrantsParser.Parse(options, matrix, out var operationErrors);
        var errors = fieldErrors.Concat(operationErrors).ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
