using Microsoft.Extensions.Options;

namespace CloudjetGraph.Core.Authorization;

/// <summary>Fails options validation with every matrix, operation and purpose problem, each naming its setting.</summary>
internal sealed class FieldMatrixValidator : IValidateOptions<AuthorizationOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthorizationOptions options)
    {
        var matrix = FieldMatrixParser.Parse(options, out var fieldErrors);
        OperationGrantsParser.Parse(options, matrix, out var operationErrors);
        StaffPurposesParser.Parse(options, matrix, out var purposeErrors);
        var errors = fieldErrors.Concat(operationErrors).Concat(purposeErrors).ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
