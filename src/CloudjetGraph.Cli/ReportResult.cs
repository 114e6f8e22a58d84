using System.Globalization;
using System.Text.Json;

namespace CloudjetGraph.Cli;

/// <summary>A report's answer: its JSON document, or its CSV when <c>--format csv</c> asked for it; <c>--json</c> prints the document either way.</summary>
internal static class ReportResult
{
    public static async Task<CliResult> OfAsync<TReport>(TReport report, object document, bool csv, Func<TextWriter, TReport, Task> writeCsv)
    {
        if (!csv)
        {
            return new CliResult(JsonSerializer.Serialize(document, CliOutput.JsonOptions), document);
        }

        using var text = new StringWriter(CultureInfo.InvariantCulture);
        await writeCsv(text, report);
        return new CliResult(text.ToString().TrimEnd('\r', '\n'), document);
    }
}
