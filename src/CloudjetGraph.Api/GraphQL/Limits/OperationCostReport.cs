using GraphQL;

namespace CloudjetGraph.Api.GraphQL.Limits;

/// <summary>
/// A response's cost, on request: a request with the header <c>GraphQL-Cost: report</c> (Hot
/// Chocolate's convention) gets <c>extensions.operationCost</c> with the cost the gateway charged
/// and the limit. Off otherwise, so that other responses keep their shape.
/// </summary>
internal static class OperationCostReport
{
    public const string HeaderName = "GraphQL-Cost";
    public const string ReportValue = "report";
    public const string ExtensionName = "operationCost";

    public static bool IsRequested(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers[HeaderName] is [var value] && string.Equals(value?.Trim(), ReportValue, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Adds <paramref name="cost"/> and <paramref name="maximum"/> to the response's extensions.</summary>
    public static void AddTo(ExecutionResult result, long cost, int maximum)
    {
        ArgumentNullException.ThrowIfNull(result);
        result.Extensions ??= [];
        result.Extensions[ExtensionName] = new Dictionary<string, object?> { ["cost"] = cost, ["maximum"] = maximum };
    }
}
