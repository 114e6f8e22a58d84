using System.Net;
using CloudjetGraph.Api.Telemetry;
using CloudjetGraph.Core.Keys.Jobs;
using CloudjetGraph.Core.Protection;
using CloudjetGraph.Core.Seeding;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Telemetry;

/// <summary>
/// What the workload exported: searched for the personal values stored, the tokens and passwords
/// sent, and key material; and the named spans and metrics with their attributes.
/// </summary>
[ProviderSensitive("EF Core's spans carry each provider's database tags")]
public sealed class TelemetryPrivacyTests(TelemetryWorkload workload) : IClassFixture<TelemetryWorkload>
{
    [Fact]
    public void Workload_ExportedSpansAndMetrics_HoldNoPersonalValueTokenPasswordOrKeyMaterial()
    {
        var secrets = StoredPersonalValues.All(workload.Host.Services)
            .Concat(workload.SentSecrets)
            .Concat(workload.KeyMaterial())
            .ToList();
        Assert.Contains(DemoDataSeeder.DemoOwnerEmail, secrets);
        var exported = ExportedText.Of(workload.Spans).Concat(ExportedText.Of(workload.Metrics)).ToList();
        Assert.True(exported.Count > 500, $"Only {exported.Count} texts were exported; the workload did not run.");

        foreach (var (where, text) in exported)
        {
            // A query string holds its values percent-encoded.
            var decoded = WebUtility.UrlDecode(text);
            var leaked = secrets.FindIndex(secret => text.Contains(secret, StringComparison.OrdinalIgnoreCase) || decoded.Contains(secret, StringComparison.OrdinalIgnoreCase));
            Assert.True(leaked < 0, $"{where} holds secret #{leaked}.");
        }
    }

    [Fact]
    public void Workload_ExportedSpans_HoldNoQueryStringNorSqlTextNorParameters()
    {
        var tags = workload.Spans.SelectMany(span => span.TagObjects.Select(tag => tag.Key)).ToHashSet();

        Assert.Contains(workload.Spans, span => span.Source.Name == "OpenTelemetry.Instrumentation.EntityFrameworkCore");
        Assert.Contains(workload.Spans, span => span.Source.Name == "Microsoft.AspNetCore" && Equals(span.GetTagItem("http.request.method"), "GET"));
        Assert.DoesNotContain("url.query", tags);
        Assert.DoesNotContain("db.query.text", tags);
        Assert.DoesNotContain("db.statement", tags);
        Assert.DoesNotContain(tags, tag => tag.StartsWith("db.query.parameter.", StringComparison.Ordinal));
    }

    [Fact]
    public void GraphQLOperation_Span_IsNamedByOperationTypeAndNameUnderTheRequestSpan()
    {
        var operation = workload.Spans.First(span => span.DisplayName == "query StaffPage" && span.Source.Name == TelemetryNames.GraphQL);
        var request = Assert.Single(workload.Spans, span => span.SpanId == operation.ParentSpanId);

        Assert.Equal("Microsoft.AspNetCore", request.Source.Name);
        Assert.Equal("StaffPage", operation.GetTagItem(TelemetryNames.OperationName));
        Assert.Equal("query", operation.GetTagItem(TelemetryNames.OperationType));
        Assert.Equal(RequestOutcomes.Success, operation.GetTagItem(TelemetryNames.Outcome));
        Assert.Equal(
            [TelemetryNames.Outcome, TelemetryNames.ClientName, TelemetryNames.OperationName, TelemetryNames.OperationType],
            operation.TagObjects.Select(tag => tag.Key).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Workload_Metrics_CountRequestsOpeningsDenialsRefusalsAndKeyJobRows()
    {
        Assert.True(Sum(TelemetryNames.Requests, (TelemetryNames.OperationName, "StaffPage"), (TelemetryNames.OperationType, "query"), (TelemetryNames.Outcome, RequestOutcomes.Success)) >= 2);
        Assert.True(Sum(TelemetryNames.Requests, (TelemetryNames.OperationName, "SalesPage"), (TelemetryNames.Outcome, RequestOutcomes.Partial)) >= 1);
        Assert.True(Sum(TelemetryNames.Requests, (TelemetryNames.OperationName, "Update"), (TelemetryNames.OperationType, "mutation"), (TelemetryNames.Outcome, RequestOutcomes.Success)) >= 1);
        Assert.True(Sum(TelemetryNames.Requests, (TelemetryNames.OperationName, "TooManyAliases"), (TelemetryNames.Outcome, RequestOutcomes.Rejected)) >= 1);
        Assert.True(Sum(ProtectionMetrics.FieldsOpenedInstrument, ("column", "skype")) >= 50);
        Assert.True(Sum(TelemetryNames.Denials, (TelemetryNames.Role, "sales"), (TelemetryNames.Field, "skype")) >= 5);
        Assert.True(Sum(TelemetryNames.Denials, (TelemetryNames.Role, "sales"), (TelemetryNames.Field, "keys")) >= 1);
        Assert.True(Sum(TelemetryNames.LimitRefusals, (TelemetryNames.Limit, "aliases")) >= 1);
        Assert.True(Sum(TelemetryNames.LimitRefusals, (TelemetryNames.Limit, "loginPerAccount")) >= 1);
        Assert.True(Sum(KeyJobMetrics.RowsExaminedInstrument, (KeyJobMetrics.KindAttribute, KeyJobKinds.Rekey)) >= 1);
        Assert.True(Sum(KeyJobMetrics.RunsEndedInstrument, (KeyJobMetrics.KindAttribute, KeyJobKinds.Rekey), (KeyJobMetrics.StateAttribute, KeyJobStates.Done)) >= 1);
        Assert.Contains(workload.Metrics, metric => metric.Name == "http.server.request.duration");
    }

    private long Sum(string instrument, params (string Key, string Value)[] attributes)
    {
        var metric = workload.Metrics.LastOrDefault(m => m.Name == instrument);
        Assert.True(metric is not null, $"No metric {instrument} was exported.");
        long sum = 0;
        foreach (var point in metric.MetricPoints)
        {
            var tags = new Dictionary<string, object?>();
            foreach (var (key, value) in point.Tags)
            {
                tags[key] = value;
            }

            if (attributes.All(a => tags.TryGetValue(a.Key, out var value) && Equals(value, a.Value)))
            {
                sum += point.GetSumLong();
            }
        }

        return sum;
    }
}
