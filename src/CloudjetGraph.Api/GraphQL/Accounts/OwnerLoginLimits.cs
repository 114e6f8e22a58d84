using CloudjetGraph.Api.RateLimiting;
using CloudjetGraph.Core.Profiles;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.Api.GraphQL.Accounts;

/// <summary>
/// The login rate limits, for an owner's operation that checks their password: a stolen token must
/// not be a faster way to guess it than <c>login</c>.
/// </summary>
internal static class OwnerLoginLimits
{
    public static async Task DemandAsync(IResolveFieldContext context, CloudjetRateLimiter limiter)
    {
        var request = context.CallerContext();
        limiter.Demand(RateLimit.LoginPerAddress, request.ClientAddress ?? string.Empty, request);
        if (await context.RequestServices!.GetRequiredService<ProfileDirectory>().FindOwnAsync(context.Caller(), context.CancellationToken) is { LoginEmailIndex: { } entry })
        {
            limiter.Demand(RateLimit.LoginPerAccount, Convert.ToBase64String(entry), request);
        }
    }
}
