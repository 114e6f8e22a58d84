using System.Data.Common;
using System.Threading.RateLimiting;
using CloudjetGraph.Api.GraphQL;
using CloudjetGraph.Api.Telemetry;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.Fields;
using CloudjetGraph.Core.RateLimits;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Api.RateLimiting;

/// <summary>
/// The gateway's rate limits, taken where the operation is known, in its resolver: ASP.NET Core's
/// rate-limiting middleware sees only the endpoint, and every operation shares <c>/graphql</c>.
/// The limits that guard credentials (login, sign-up, the password re-entered to erase) are
/// counted in the profile database, so that every instance on it enforces one limit together. The
/// anti-scraping cap is taken per released profile, where a database write each would cost more
/// than the read it guards, so each process counts it in memory.
/// </summary>
internal sealed partial class CloudjetRateLimiter(IOptions<RateLimitOptions> options, GatewayMetrics metrics, TimeProvider time, ILogger<CloudjetRateLimiter> logger) : IDisposable
{
    // A fixed window answers exactly "N per minute" and says when the window reopens.
    private readonly PartitionedRateLimiter<string> _personalRecords = PartitionedRateLimiter.Create<string, string>(partition => RateLimitPartition.GetFixedWindowLimiter(
        partition, _ => new FixedWindowRateLimiterOptions { PermitLimit = options.Value.PersonalRecordsPerMinute, Window = RateLimitOptions.Window, QueueLimit = 0 }));

    /// <summary>
    /// Counts one credential attempt of <paramref name="partition"/> against <paramref name="limit"/>
    /// in the shared counters, or throws <see cref="ErrorCodes.RateLimited"/> and records when to
    /// retry. An attempt the database cannot count is refused the same way: the limit fails closed.
    /// </summary>
    public async Task DemandAsync(RateLimit limit, string partition, IResolveFieldContext context)
    {
        var request = context.CallerContext();
        var counters = context.RequestServices!.GetRequiredService<SharedRateLimitCounters>();
        CountedAttempt attempt;
        try
        {
            attempt = await counters.CountAsync(StoredName(limit), partition, WindowOf(limit), context.CancellationToken);
        }
        catch (DbException exception)
        {
            LogCounterUnavailable(logger, EnumNames.Of(limit), exception.GetType().Name);
            throw Refuse(limit, WindowOf(limit), request);
        }

        if (attempt.Attempts > PermitsOf(limit))
        {
            throw Refuse(limit, attempt.WindowEnds - time.GetUtcNow(), request);
        }
    }

    /// <summary>Takes one permit of the anti-scraping cap for <paramref name="partition"/>, or records when to retry and answers false.</summary>
    public bool TryAcquirePersonalRecord(string partition, CallerContext context) => AttemptPersonalRecords(partition, 1, context);

    /// <summary>Whether <paramref name="partition"/> has a permit of the anti-scraping cap left, without taking it; when none is left, records when to retry.</summary>
    public bool HasPersonalRecordLeft(string partition, CallerContext context) => AttemptPersonalRecords(partition, 0, context);

    /// <summary>The answer to a request over a limit.</summary>
    public static DomainException Refusal() => new(ErrorCodes.RateLimited, "Too many requests; retry after the time in the Retry-After header.");

    public void Dispose() => _personalRecords.Dispose();

    // Zero permits asks the window whether any is left and takes none.
    private bool AttemptPersonalRecords(string partition, int permits, CallerContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var lease = _personalRecords.AttemptAcquire(partition, permits);
        if (lease.IsAcquired)
        {
            return true;
        }

        Refuse(RateLimit.PersonalRecords, lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : RateLimitOptions.Window, context);
        return false;
    }

    private DomainException Refuse(RateLimit limit, TimeSpan retryAfter, CallerContext context)
    {
        metrics.LimitRefused(EnumNames.Of(limit));
        context.RetryAfter = context.RetryAfter is { } earlier && earlier > retryAfter ? earlier : retryAfter;
        return Refusal();
    }

    private int PermitsOf(RateLimit limit) => limit switch
    {
        RateLimit.LoginPerAddress => options.Value.LoginsPerAddressPerMinute,
        RateLimit.LoginPerAccount => options.Value.LoginsPerAccountPerMinute,
        RateLimit.SignUpPerAddress => options.Value.SignUpsPerAddressPerMinute,
        RateLimit.AuthorityExportPerCaller => options.Value.AuthorityExportsPerDay,
        _ => throw new ArgumentOutOfRangeException(nameof(limit), limit, "Not a shared limit."),
    };

    // Stored in the counter table and hashed with each partition: fixed strings, never derived from
    // the enum's names, which a rename would change.
    private static string StoredName(RateLimit limit) => limit switch
    {
        RateLimit.LoginPerAddress => "login-per-address",
        RateLimit.LoginPerAccount => "login-per-account",
        RateLimit.SignUpPerAddress => "sign-up-per-address",
        RateLimit.AuthorityExportPerCaller => "authority-export-per-caller",
        _ => throw new ArgumentOutOfRangeException(nameof(limit), limit, "Not a shared limit."),
    };

    private static TimeSpan WindowOf(RateLimit limit) => limit == RateLimit.AuthorityExportPerCaller ? RateLimitOptions.Day : RateLimitOptions.Window;

    [LoggerMessage(EventId = 2301, EventName = "RateLimitCounterUnavailable", Level = LogLevel.Warning,
        Message = "The shared {Limit} counter could not count an attempt ({ExceptionType}); the attempt was refused.")]
    private static partial void LogCounterUnavailable(ILogger logger, string limit, string exceptionType);
}
