using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Authorization;
using GraphQL;

namespace CloudjetGraph.Api.GraphQL;

/// <summary>The per-request GraphQL user context: who is calling, from where, and what rate limits said.</summary>
internal sealed class CallerContext : Dictionary<string, object?>
{
    public required Caller Caller { get; init; }

    /// <summary>The client's network address (an IPv6 one as its /64), the partition of per-address limits; null under a test server.</summary>
    public required string? ClientAddress { get; init; }

    /// <summary>Set when a rate limit refused part of the request: when to retry (the <c>Retry-After</c> header).</summary>
    public TimeSpan? RetryAfter { get; set; }

    /// <summary>Set once the anti-scraping cap refused a profile of this request: every later personal field is refused too.</summary>
    public bool OverPersonalRecordCap { get; set; }

    /// <summary>Profiles already counted against the anti-scraping cap in this request.</summary>
    public HashSet<Guid> ReleasedProfiles { get; } = [];
}

/// <summary>Reads the caller from any resolver.</summary>
internal static class CallerContextExtensions
{
    public static Caller Caller(this IResolveFieldContext context) =>
        (context.UserContext as CallerContext)?.Caller ?? Core.Authorization.Caller.Anonymous;

    /// <summary>The caller as the operation records name it.</summary>
    public static OperationActor Actor(this IResolveFieldContext context) => OperationActor.Of(context.Caller());

    /// <summary>The request's context; the HTTP handler always sets one.</summary>
    public static CallerContext CallerContext(this IResolveFieldContext context) =>
        context.UserContext as CallerContext ?? throw new InvalidOperationException("The request has no caller context.");
}
