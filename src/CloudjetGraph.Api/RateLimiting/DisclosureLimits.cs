using CloudjetGraph.Api.GraphQL;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.Api.RateLimiting;

/// <summary>
/// The limits a disclosure to an authority counts against before anything is opened: the
/// personal-record cap, as every other path that releases a profile, then the caller's daily
/// disclosures. The cap comes first, so a disclosure it refuses does not use up the day's.
/// </summary>
internal static class DisclosureLimits
{
    /// <summary>The admission <see cref="Core.Privacy.AuthorityExport.ExportAsync"/> calls with the profile found.</summary>
    public static Func<Guid, CancellationToken, Task> Of(IResolveFieldContext context) => async (profileId, _) =>
    {
        var request = context.CallerContext();
        context.RequestServices!.GetRequiredService<PersonalRecordCap>().Demand(request, profileId);
        await context.RequestServices!.GetRequiredService<CloudjetRateLimiter>()
            .DemandAsync(RateLimit.AuthorityExportPerCaller, PersonalRecordCap.PartitionOf(request), context);
    };
}
