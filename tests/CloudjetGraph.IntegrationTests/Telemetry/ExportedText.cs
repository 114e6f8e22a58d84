using System.Collections;
using System.Diagnostics;
using System.Globalization;
using OpenTelemetry.Metrics;

namespace CloudjetGraph.IntegrationTests.Telemetry;

/// <summary>
/// Every piece of text an exporter would send: span names, sources, tags, events, links, status
/// and baggage; metric names, descriptions, units and attributes. Each with where it came from,
/// so a failure can point at it without printing what leaked.
/// </summary>
public static class ExportedText
{
    public static IEnumerable<(string Where, string Text)> Of(IEnumerable<Activity> spans)
    {
        foreach (var span in spans)
        {
            var where = $"span '{span.DisplayName}' of {span.Source.Name}";
            yield return (where, span.DisplayName);
            yield return (where, span.OperationName);
            yield return (where, span.Source.Name);
            yield return (where, span.StatusDescription ?? string.Empty);
            foreach (var (key, value) in span.TagObjects)
            {
                yield return ($"{where}, tag {key}", $"{key}={Text(value)}");
            }

            foreach (var (key, value) in span.Baggage)
            {
                yield return ($"{where}, baggage {key}", $"{key}={value}");
            }

            foreach (var spanEvent in span.Events)
            {
                yield return ($"{where}, event {spanEvent.Name}", spanEvent.Name);
                foreach (var (key, value) in spanEvent.Tags)
                {
                    yield return ($"{where}, event {spanEvent.Name} tag {key}", $"{key}={Text(value)}");
                }
            }

            foreach (var link in span.Links)
            {
                foreach (var (key, value) in link.Tags ?? [])
                {
                    yield return ($"{where}, link tag {key}", $"{key}={Text(value)}");
                }
            }
        }
    }

    public static IEnumerable<(string Where, string Text)> Of(IEnumerable<MetricSnapshot> metrics)
    {
        foreach (var metric in metrics)
        {
            var where = $"metric {metric.Name} of {metric.MeterName}";
            yield return (where, $"{metric.MeterName} {metric.Name} {metric.Description} {metric.Unit}");
            foreach (var point in metric.MetricPoints)
            {
                foreach (var (key, value) in point.Tags)
                {
                    yield return ($"{where}, attribute {key}", $"{key}={Text(value)}");
                }
            }
        }
    }

    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        string text => text,
        IEnumerable items => string.Join(",", items.Cast<object?>().Select(Text)),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
