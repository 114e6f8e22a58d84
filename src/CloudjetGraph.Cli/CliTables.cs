using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace CloudjetGraph.Cli;

/// <summary>The human form of the read verbs: Spectre.Console tables rendered to text, cells never parsed as markup.</summary>
internal static class CliTables
{
    // Wide enough that ids are never broken across lines when the output goes to a file or a pipe.
    private const int RedirectedWidth = 200;

    /// <summary>What <paramref name="write"/> draws, as text for <paramref name="target"/> (the terminal's width when it is one).</summary>
    public static string Render(TextWriter target, Action<IAnsiConsole> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(text), Ansi = AnsiSupport.No });
        console.Profile.Width = ReferenceEquals(target, Console.Out) && !Console.IsOutputRedirected ? Math.Max(80, Console.WindowWidth) : RedirectedWidth;
        write(console);
        return text.ToString().TrimEnd();
    }

    public static Table Titled(string title, params string[] columns)
    {
        var table = new Table { Title = new TableTitle(title) };
        foreach (var column in columns)
        {
            table.AddColumn(new TableColumn(new Text(column)));
        }

        return table;
    }

    // Text, not markup: no cell is ever parsed for Spectre's [style] syntax.
    public static void AddRow(Table table, params string[] cells) => table.AddRow(cells.Select(cell => (IRenderable)new Text(cell)));

    public static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    public static string Time(DateTimeOffset? time) => time is { } given ? Time(given) : "-";

    public static string YesNo(bool value) => value ? "yes" : "no";

    public static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    public static string PerVersion(IReadOnlyDictionary<int, long> counts) =>
        counts.Count == 0 ? "0" : string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{Count(c.Value)} (format {c.Key.ToString(CultureInfo.InvariantCulture)})"));
}
