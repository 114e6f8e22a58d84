using System.Globalization;

namespace CloudjetGraph.Cli;

/// <summary>
/// <c>audit report --format csv</c>: RFC 4180 (<see cref="CsvCells"/>), one row per profile and
/// reader, fields separated by <c>;</c>.
/// </summary>
internal static class BreachReportCsv
{
    public const string Header = "profileId,contactEmail,subject,role,fields,reads,firstAt,lastAt,confidentialUntil";

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
                    profile.ConfidentialUntil?.UtcDateTime.ToString("O", CultureInfo.InvariantCulture) ?? string.Empty,
                ];
                await output.WriteLineAsync(CsvCells.Row(cells));
            }
        }
    }
}
