using CloudjetGraph.Api.GraphQL.Limits;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.Protection;
using GraphQL;
using GraphQL.Execution;

namespace CloudjetGraph.Api.GraphQL.Errors;

/// <summary>
/// Shapes every error a client sees: a stable code, and a message that carries no exception
/// detail, stack trace, input value or personal data.
/// </summary>
internal sealed class CloudjetErrorInfoProvider : IErrorInfoProvider
{
    public ErrorInfo GetInfo(ExecutionError executionError)
    {
        ArgumentNullException.ThrowIfNull(executionError);
        var (code, message, field) = Describe(executionError);
        var extensions = new Dictionary<string, object?> { ["code"] = code };
        if (field is not null)
        {
            extensions["field"] = field;
        }

        if (executionError is RefusedOperationError { Limit: { } limit, Maximum: { } maximum } refused)
        {
            extensions["limit"] = limit;
            extensions["maximum"] = maximum;
            if (refused.Cost is { } cost)
            {
                extensions["cost"] = cost;
            }
        }

        return new ErrorInfo { Message = message, Extensions = extensions };
    }

    private static (string Code, string Message, string? Field) Describe(ExecutionError error) => error switch
    {
        RefusedOperationError refused => (refused.Code!, refused.Message, null),
        { InnerException: DomainException domain } => (domain.Code, domain.Message, domain.Field),
        // Written for custodians, from setting names, ids and counts; only a key custodian reaches one.
        { InnerException: KeyRingUnavailableException unavailable } => (ErrorCodes.KeyRingUnavailable, unavailable.Message, null),
        // Names no key to clients: the custodian finds it in readiness and the trail.
        { InnerException: DataKeyDisabledException } => (ErrorCodes.KeyDisabled, "The value is under a data key that is disabled, and was withheld.", null),
        { InnerException: FieldIntegrityException } => (ErrorCodes.DataIntegrity, "A stored value failed its integrity check and was withheld.", null),
        SyntaxError => (ErrorCodes.ParseFailed, "The GraphQL document does not parse.", null),

        // Validation messages can quote literal or variable values from the request: keep only
        // their first sentence, which names the rule and the field but not the value.
        DocumentError => (ErrorCodes.ValidationFailed, FirstSentence(error.Message), null),
        _ => (ErrorCodes.Internal, "An internal error occurred.", null),
    };

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
