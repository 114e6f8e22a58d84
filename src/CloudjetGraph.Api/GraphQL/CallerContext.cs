using CloudjetGraph.Core.Authorization;
using GraphQL;

namespace CloudjetGraph.Api.GraphQL;

/// <summary>The per-request GraphQL user context: who is calling.</summary>
internal sealed class CallerContext : Dictionary<string, object?>
{
    public required Caller Caller { get; init; }
}

/// <summary>Reads the caller from any resolver.</summary>
internal static class CallerContextExtensions
{
    public static Caller Caller(this IResolveFieldContext context) =>
        (context.UserContext as CallerContext)?.Caller ?? Core.Authorization.Caller.Anonymous;
}
