using CloudjetGraph.Core.Errors;
using GraphQL;

namespace CloudjetGraph.Api.GraphQL.Limits;

/// <summary>
/// A request refused by the gateway's own checks, before or around execution. When a limit was
/// exceeded, <see cref="Limit"/> and <see cref="Maximum"/> tell the client which one and how far
/// it may go; a refusal for cost also gives the document's <see cref="Cost"/>.
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

    /// <summary>The computed cost of the refused operation or fragment; at most <see cref="Saturating.Max"/>, which means "at least".</summary>
    public long? Cost { get; private init; }

    /// <summary>The document asks for more than <paramref name="limit"/> allows.</summary>
    public static RefusedOperationError LimitExceeded(string limit, long maximum) =>
        new(ErrorCodes.LimitExceeded, $"The document exceeds the {limit} limit of {maximum}.", limit, maximum);

    /// <summary>The document costs <paramref name="cost"/>, more than <paramref name="maximum"/>.</summary>
    public static RefusedOperationError CostExceeded(long cost, long maximum) =>
        new(ErrorCodes.LimitExceeded, $"The document costs {cost}, more than the {LimitNames.Cost} limit of {maximum}.", LimitNames.Cost, maximum) { Cost = cost };
}
