using CloudjetGraph.Api.GraphQL.Limits;
using CloudjetGraph.Core.Keys;
using CloudjetGraph.Core.Keys.Jobs;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.Api.GraphQL.Keys;

/// <summary>What the key custodians read: the key census and the key jobs' runs.</summary>
internal static class KeyQueries
{
    public static void AddTo(ObjectGraphType query)
    {
        query.Field<KeyInventoryGraphType>("keys")
            .Granted()
            .Description("Every key and what it protects, for the keyCustodian role only: ids, dates, states and counts, never a personal value or a key.")
            // The census counts every sealed value under every key: a scan, not a lookup.
            .Costs(10)
            // Scoped: the census reads through the request's DbContext, never decrypting.
            .ResolveAsync(async context => await context.RequestServices!.GetRequiredService<KeyCensus>().ReadAsync(context.CancellationToken));

        query.Field<ListGraphType<NonNullGraphType<KeyJobGraphType>>>("keyJobs")
            .Granted()
            .Description("The key jobs' runs (rewrap, rekey, reindex), most recently updated first: state, counts, lease holder and times; for the keyCustodian role only.")
            .ResolveAsync(async context => await context.RequestServices!.GetRequiredService<KeyJobStatusReader>().ReadAsync(context.CancellationToken));
    }
}
