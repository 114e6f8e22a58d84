using CloudjetGraph.Api.RateLimiting;
using CloudjetGraph.Core.Profiles;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.Api.GraphQL.Accounts;

/// <summary>
/// The login rate limits, for an owner's operation that checks their password: a password
/// re-entered is a guess like a login, so it spends the same budgets, per address and per account
/// (the account's login blind-index entry, login's own partition), and a stolen token is no faster
/// way to guess it than <c>login</c>.
/// </summary>
internal static class OwnerLoginLimits
{
    public static async Task DemandAsync(IResolveFieldContext context, CloudjetRateLimiter limiter)
    {
        var request = context.CallerContext();
        await limiter.DemandAsync(RateLimit.LoginPerAddress, request.ClientAddress ?? string.Empty, context);
        if (await context.RequestServices!.GetRequiredService<ProfileDirectory>().FindOwnAsync(context.Caller(), context.CancellationToken) is { LoginEmailIndex: { } entry })
        {
            await limiter.DemandAsync(RateLimit.LoginPerAccount, Convert.ToBase64String(entry), context);
        }
    }
}
