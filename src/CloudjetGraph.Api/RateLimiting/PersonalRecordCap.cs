using CloudjetGraph.Api.GraphQL;
using CloudjetGraph.Core.ProfileRecords;
using GraphQL;

namespace CloudjetGraph.Api.RateLimiting;

/// <summary>
/// The anti-scraping cap: a profile counts once per request, when the first of its personal (sealed)
/// fields is about to be released to the caller; ids, organisations, consent and times do not count.
/// Once a request is over the cap, the rest of its personal fields are refused without asking the
/// limiter again: a capped page costs no more than its first refusal.
/// </summary>
internal sealed class PersonalRecordCap(CloudjetRateLimiter limiter)
{
    /// <summary>Counts the source profile against the caller's cap, or throws <c>RATE_LIMITED</c> before anything is decrypted.</summary>
    public void Demand(IResolveFieldContext<Profile> context)
    {
        var request = context.CallerContext();
        if (request.ReleasedProfiles.Contains(context.Source.Id))
        {
            return;
        }

        var caller = request.Caller;
        var partition = caller.Subject is { } subject ? $"{caller.Role}:{subject}" : $"address:{request.ClientAddress}";
        if (request.OverPersonalRecordCap || !limiter.TryAcquirePersonalRecord(partition, request))
        {
            request.OverPersonalRecordCap = true;
            throw CloudjetRateLimiter.Refusal();
        }

        request.ReleasedProfiles.Add(context.Source.Id);
    }
}
