using CloudjetGraph.Api.GraphQL;
using CloudjetGraph.Core.Errors;

namespace CloudjetGraph.Api.RateLimiting;

/// <summary>
/// The anti-scraping cap: a profile counts once per request, when the first of its personal (sealed)
/// fields is about to be released to the caller; ids, organisations, consent and times do not count.
/// Once a request is over the cap, the rest of its personal fields are refused without asking the
/// limiter again, and without throwing: refusing a field costs less than serving it.
/// </summary>
internal sealed class PersonalRecordCap(CloudjetRateLimiter limiter)
{
    /// <summary>Counts profile <paramref name="profileId"/> against the caller's cap, or throws <c>RATE_LIMITED</c>: for a path that releases a profile outside its fields' resolvers (a disclosure to an authority).</summary>
    public void Demand(CallerContext request, Guid profileId)
    {
        if (Admit(request, profileId) is { } refusal)
        {
            throw refusal;
        }
    }

    /// <summary>Counts profile <paramref name="profileId"/> against the caller's cap before anything of it is opened.</summary>
    /// <returns>The <c>RATE_LIMITED</c> refusal, not thrown, or null when the profile is within the cap.</returns>
    public DomainException? Admit(CallerContext request, Guid profileId)
    {
        if (request.ReleasedProfiles.Contains(profileId))
        {
            return null;
        }

        var refusal = RefusalUnless(request, limiter.TryAcquirePersonalRecord);
        if (refusal is null)
        {
            request.ReleasedProfiles.Add(profileId);
        }

        return refusal;
    }

    /// <summary>
    /// Refuses a read before it starts when the caller's cap is already spent, as every personal
    /// field it selects would be refused: a refused caller then costs less than a served one.
    /// </summary>
    /// <returns>The <c>RATE_LIMITED</c> refusal, not thrown, or null when the caller has a record left.</returns>
    public DomainException? AdmitAny(CallerContext request) => RefusalUnless(request, limiter.HasPersonalRecordLeft);

    /// <summary>Who a limit on released records counts against: the token's role and subject, or the client address.</summary>
    public static string PartitionOf(CallerContext request) =>
        request.Caller.Subject is { } subject ? $"{request.Caller.Role}:{subject}" : $"address:{request.ClientAddress}";

    // Once refused, a request stays refused without asking the limiter again.
    private static DomainException? RefusalUnless(CallerContext request, Func<string, CallerContext, bool> permitted)
    {
        if (request.OverPersonalRecordCap || !permitted(PartitionOf(request), request))
        {
            request.OverPersonalRecordCap = true;
            return CloudjetRateLimiter.Refusal();
        }

        return null;
    }
}
