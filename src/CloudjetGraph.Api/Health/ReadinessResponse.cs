using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CloudjetGraph.Api.Health;

/// <summary>
/// The <c>/health/ready</c> body: the overall status and each check's, and the disabled data keys
/// by id and purpose (what an operator must know to act; no key material). Descriptions and
/// exceptions stay in the server log: a probe is anonymous, and an exception's message can hold a
/// file path or a value.
/// </summary>
internal static class ReadinessResponse
{
    public static async Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        await using var json = new Utf8JsonWriter(http.Response.Body);
        json.WriteStartObject();
        json.WriteString("status", report.Status.ToString());
        json.WriteStartObject("checks");
        foreach (var (name, entry) in report.Entries)
        {
            json.WriteString(name, entry.Status.ToString());
        }

        json.WriteEndObject();
        if (report.Entries.TryGetValue(HealthCheckNames.DisabledDataKeys, out var disabled) && disabled.Data.Count > 0)
        {
            json.WriteStartArray("disabledDataKeys");
            foreach (var (id, purpose) in disabled.Data.OrderBy(k => k.Key, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("id", id);
                json.WriteString("purpose", purpose as string);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
        await json.FlushAsync(http.RequestAborted);
    }
}
