namespace CloudjetGraph.Cli;

/// <summary>
/// One CSV cell of a report, RFC 4180: quoted when it holds a separator, a quote or a line break. A
/// cell that a spreadsheet would run as a formula (starting with <c>= + - @</c>) gets a leading
/// apostrophe: an email address is the person's own text.
/// </summary>
internal static class CsvCells
{
    public static string Cell(string value)
    {
        var safe = value.Length > 0 && "=+-@".Contains(value[0], StringComparison.Ordinal) ? "'" + value : value;
        return safe.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }

    public static string Row(IEnumerable<string> cells) => string.Join(',', cells.Select(Cell));
}
