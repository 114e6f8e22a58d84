using System.Threading.RateLimiting;
using CloudjetGraph.Api.GraphQL;
using CloudjetGraph.Api.Telemetry;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.Fields;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Api.RateLimiting;

/// <summary>
/// The gateway's rate limits, as partitioned limiters from System.Threading.RateLimiting. ASP.NET
/// Core's rate-limiting middleware sees only the endpoint, and every operation shares
/// <c>/graphql</c>, so the limits are taken where the operation is known: in its resolver.
/// </summary>
internal sealed class CloudjetRateLimiter : IDisposable
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private readonly Dictionary<RateLimit, PartitionedRateLimiter<string>> _limiters;
    private readonly GatewayMetrics _metrics;

    public CloudjetRateLimiter(IOptions<RateLimitOptions> options, GatewayMetrics metrics)
    {
        _metrics = metrics;
        var settings = options.Value;
        _limiters = new()
        {
            [RateLimit.LoginPerAddress] = PerMinute(settings.LoginsPerAddressPerMinute),
            [RateLimit.LoginPerAccount] = PerMinute(settings.LoginsPerAccountPerMinute),
            [RateLimit.SignUpPerAddress] = PerMinute(settings.SignUpsPerAddressPerMinute),
            [RateLimit.PersonalRecords] = PerMinute(settings.PersonalRecordsPerMinute),
        };
    }

    /// <summary>Takes one permit of <paramref name="limit"/> for <paramref name="partition"/>, or throws <see cref="ErrorCodes.RateLimited"/> and records when to retry.</summary>
    public void Demand(RateLimit limit, string partition, CallerContext context)
    {
        if (!TryAcquire(limit, partition, context))
        {
            throw Refusal();
        }
    }

    /// <summary>Takes one permit of <paramref name="limit"/> for <paramref name="partition"/>, or records when to retry and answers false.</summary>
    public bool TryAcquire(RateLimit limit, string partition, CallerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var lease = _limiters[limit].AttemptAcquire(partition);
        if (lease.IsAcquired)
        {
            return true;
        }

        _metrics.LimitRefused(EnumNames.Of(limit));
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : Window;
        context.RetryAfter = context.RetryAfter is { } earlier && earlier > retryAfter ? earlier : retryAfter;
        return false;
    }

    /// <summary>The answer to a request over a limit.</summary>
    public static DomainException Refusal() => new(ErrorCodes.RateLimited, "Too many requests; retry after the time in the Retry-After header.");

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values)
        {
            limiter.Dispose();
        }
    }

    // A fixed window answers exactly "N per minute" and says when the window reopens.
    private static PartitionedRateLimiter<string> PerMinute(int permits) =>
        PartitionedRateLimiter.Create<string, string>(partition => RateLimitPartition.GetFixedWindowLimiter(
            partition, _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = Window, QueueLimit = 0 }));
}
