using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CloudjetGraph.Api.Health;

/// <summary>
/// The <c>/health/ready</c> body: the overall status, each check's, and the data a check chose to
/// publish under `details` (each disabled data key with its purpose; each key that cannot open what
/// is under it, with its state): ids only, no key material and no count. Descriptions and
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
        var detailed = report.Entries.Where(entry => entry.Value.Data.Count > 0).ToList();
        if (detailed.Count > 0)
        {
            json.WriteStartObject("details");
            foreach (var (name, entry) in detailed)
            {
                json.WriteStartObject(name);
                foreach (var (key, value) in entry.Data)
                {
                    json.WriteString(key, value.ToString());
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        json.WriteEndObject();
        await json.FlushAsync(http.RequestAborted);
    }
}
