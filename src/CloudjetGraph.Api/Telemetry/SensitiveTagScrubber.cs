using System.Diagnostics;
using OpenTelemetry;

namespace CloudjetGraph.Api.Telemetry;

/// <summary>
/// Removes, from every span before any exporter sees it, the attributes that can carry a request's
/// or a statement's values: the query string of a request (a GET <c>/graphql?variables=...</c> can
/// hold an email), the text of a SQL statement and its parameters. The instrumentations' own
/// settings already keep most of them out; this holds whatever a setting or an environment
/// variable (<c>OTEL_DOTNET_EXPERIMENTAL_*</c>) turns back on, and whatever a new version adds.
/// </summary>
internal sealed class SensitiveTagScrubber : BaseProcessor<Activity>
{
    private static readonly string[] Removed = ["url.query", "url.full", "db.statement", "db.query.text"];
    private static readonly string[] RemovedPrefixes = ["db.query.parameter.", "db.statement.parameter.", "http.request.header.", "http.response.header."];

    public override void OnEnd(Activity data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var sensitive = data.TagObjects
            .Select(tag => tag.Key)
            .Where(key => Removed.Contains(key) || RemovedPrefixes.Any(prefix => key.StartsWith(prefix, StringComparison.Ordinal)))
            .ToList();
        foreach (var key in sensitive)
        {
            data.SetTag(key, null);
        }
    }
}
