using System.Globalization;

namespace CloudjetGraph.Cli;

/// <summary>
/// <c>audit report --compromise --format csv</c>, RFC 4180 (<see cref="CsvCells"/>) in two tables
/// parted by an empty line: the notification's fields as <c>field,value</c> rows (a measure or a
/// data category per row), then one row per person.
/// </summary>
internal static class CompromiseReportCsv
{
    public const string FieldsHeader = "field,value";

    public const string PeopleHeader = "id,kind,state,storedSince,removedAt,contactEmail,issuedBy";

    public static async Task WriteAsync(TextWriter output, CompromiseReport report)
    {
        await output.WriteLineAsync(FieldsHeader);
        List<(string Field, string Value)> fields =
        [
            ("report", "compromise"),
            ("madeAt", Time(report.MadeAt)),
            ("from", Time(report.From)),
            ("to", Time(report.To)),
            ("scope", CompromiseReport.Scope),
            ("pairingId", report.Census.PairingId.ToString()),
            .. report.Census.Categories.Select(c => ("dataCategory", $"{c.Field} ({c.Form})")),
            ("people", Count(report.People)),
            ("invitees", Count(report.Invitees)),
            ("removed", Count(report.Removed)),
            .. report.Census.Measures.Select(m => ("measure", $"{Time(m.At)} {m.Operation} {m.Target}: {m.Detail}")),
            .. CompromiseReport.Notes.Select(note => ("note", note)),
        ];
        foreach (var (field, value) in fields)
        {
            await output.WriteLineAsync(CsvCells.Row([field, value]));
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync(PeopleHeader);
        foreach (var record in report.Census.Records)
        {
            await output.WriteLineAsync(CsvCells.Row(
            [
                record.Id.ToString(),
                record.Kind,
                record.State,
                Time(record.StoredSince),
                record.RemovedAt is { } removed ? Time(removed) : string.Empty,
                report.ContactOf(record) ?? string.Empty,
                record.IssuedBy ?? string.Empty,
            ]));
        }
    }

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("O", CultureInfo.InvariantCulture);

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);
}
