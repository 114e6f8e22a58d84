using System.Globalization;

namespace CloudjetGraph.Cli;

/// <summary>
/// <c>audit report --format csv</c>: RFC 4180, one row per profile and reader, fields separated by
/// <c>;</c>. A cell that a spreadsheet would run as a formula (starting with <c>= + - @</c>) gets a
/// leading apostrophe: an email address is the person's own text.
/// </summary>
internal static class BreachReportCsv
{
    public const string Header = "profileId,contactEmail,subject,role,fields,reads,firstAt,lastAt";

    public static async Task WriteAsync(TextWriter output, BreachReport report)
    {
        await output.WriteLineAsync(Header);
        foreach (var profile in report.Profiles)
        {
            foreach (var reader in profile.Readers)
            {
                string[] cells =
                [
                    profile.ProfileId.ToString(),
                    report.Emails.GetValueOrDefault(profile.ProfileId) ?? string.Empty,
                    reader.Subject,
                    reader.Role,
                    string.Join(';', reader.Fields),
                    reader.Reads.ToString(CultureInfo.InvariantCulture),
                    reader.FirstAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                    reader.LastAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
                ];
                await output.WriteLineAsync(string.Join(',', cells.Select(Cell)));
            }
        }
    }

    private static string Cell(string value)
    {
        var safe = value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;
        return safe.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }
}
