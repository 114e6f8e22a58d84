using System.Diagnostics;
using CloudjetGraph.Api.Telemetry;

namespace CloudjetGraph.UnitTests.Telemetry;

public sealed class SensitiveTagScrubberTests
{
    [Fact]
    public void OnEnd_SpanWithQueryStringSqlTextAndParameters_RemovesThemAndKeepsTheRest()
    {
        using var span = new Activity("GET /graphql");
        span.SetTag("url.path", "/graphql");
        span.SetTag("url.query", "?variables=%7B%22email%22%3A%22an.nguyen%40saomaiviet.vn%22%7D");
        span.SetTag("db.statement", "SELECT 1");
        span.SetTag("db.query.text", "SELECT 1");
        span.SetTag("db.query.summary", "SELECT Profiles");
        span.SetTag("db.query.parameter.email", "an.nguyen@saomaiviet.vn");
        span.SetTag("http.request.header.authorization", "Bearer eyJ");

        new SensitiveTagScrubber().OnEnd(span);

        Assert.Equal(["db.query.summary", "url.path"], span.TagObjects.Select(tag => tag.Key).Order(StringComparer.Ordinal));
    }
}
