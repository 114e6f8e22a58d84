using System.Text.Json;

namespace CloudjetGraph.Cli;

/// <summary><c>audit report --format json</c>: one document, <c>profiles</c> in id order, each with its <c>contactEmail</c> and <c>readers</c>.</summary>
internal static class BreachReportJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task WriteAsync(TextWriter output, BreachReport report, CancellationToken cancellationToken)
    {
        var document = new
        {
            from = report.From.UtcDateTime,
            to = report.To.UtcDateTime,
            subject = report.Subject,
            profiles = report.Profiles.Select(p => new
            {
                profileId = p.ProfileId,
                contactEmail = report.Emails.GetValueOrDefault(p.ProfileId),
                readers = p.Readers,
            }),
        };
        await output.WriteLineAsync(JsonSerializer.Serialize(document, Options).AsMemory(), cancellationToken);
    }
}
