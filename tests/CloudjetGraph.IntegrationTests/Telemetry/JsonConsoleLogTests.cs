using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Telemetry;

/// <summary>
/// The gateway as a process with <c>Logging:Console:FormatterName</c> set to <c>json</c>, as the
/// docs/configuration.md tells operators: each console line is one JSON object, and a line written during a
/// request carries that request's trace id, the one a caller sent in <c>traceparent</c>.
/// </summary>
public sealed partial class JsonConsoleLogTests
{
    [Fact]
    public async Task Operator_SetsJsonConsoleLogs_EachLineIsJsonAndRequestLinesCarryTheTraceId()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "cloudjet-jsonlogs", Guid.NewGuid().ToString("N"));
        try
        {
            using var gateway = ProjectProcess.StartGateway(new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ConnectionStrings__Cloudjet"] = $"Data Source={Path.Combine(dataDirectory, "cloudjet.db")}",
                ["DataProtection__KeyRingPath"] = Path.Combine(dataDirectory, "keys"),
                ["Logging__Console__FormatterName"] = "json",

                // Where the gateway logs refusals of documents, inside the request.
                ["Logging__LogLevel__CloudjetGraph"] = "Debug",
            }, "--urls", "http://127.0.0.1:0");
            var address = (await gateway.WaitForAsync(ListeningOn(), TimeSpan.FromMinutes(2))).Groups[1].Value;
            using var http = new HttpClient { BaseAddress = new Uri(address) };
            var traceId = Convert.ToHexStringLower(Guid.NewGuid().ToByteArray());

            using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query = "subscription { x }" }) };
            request.Headers.Add("traceparent", $"00-{traceId}-00f067aa0ba902b7-01");
            using var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            await gateway.WaitForAsync(new Regex(traceId), TimeSpan.FromSeconds(30));

            // dotnet run's own lines ("Using launch settings ...") come before the gateway's.
            var lines = gateway.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).SkipWhile(line => !line.StartsWith('{'));
            var entries = lines.Select(line => JsonNode.Parse(line)!).ToList();
            var refused = entries.Single(entry => entry["EventId"]!.GetValue<int>() == 2002);
            var scopes = refused["Scopes"]!.AsArray();
            Assert.Contains(scopes, scope => scope?["TraceId"]?.GetValue<string>() == traceId);
            Assert.Contains(entries, entry => entry["Message"]!.GetValue<string>().StartsWith("Now listening on:", StringComparison.Ordinal));
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();
}
