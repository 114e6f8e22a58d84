using CloudjetGraph.Core.Errors;
using GraphQL;

namespace CloudjetGraph.Api.GraphQL.Limits;

/// <summary>
/// A request refused by the gateway's own checks, before or around execution. When a limit was
/// exceeded, <see cref="Limit"/> and <see cref="Maximum"/> tell the client which one and how far
/// it may go.
/// </summary>
internal sealed class RefusedOperationError : ExecutionError
{
    public RefusedOperationError(string code, string message, string? limit = null, long? maximum = null)
        : base(message)
    {
        Code = code;
        Limit = limit;
        Maximum = maximum;
    }

    public string? Limit { get; }

    public long? Maximum { get; }

    /// <summary>The document asks for more than <paramref name="limit"/> allows.</summary>
    public static RefusedOperationError LimitExceeded(string limit, long maximum) =>
        new(ErrorCodes.LimitExceeded, $"The document exceeds the {limit} limit of {maximum}.", limit, maximum);
}
