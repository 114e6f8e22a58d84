using System.Globalization;
using CloudjetGraph.Core.Keys;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace CloudjetGraph.Cli;

/// <summary>The human form of <c>keys list</c>: Spectre.Console tables of master keys, data keys and the census.</summary>
internal static class KeyInventoryTables
{
    // Wide enough that ids are never broken across lines when the output goes to a file or a pipe.
    private const int RedirectedWidth = 200;

    public static void Write(TextWriter output, KeyInventory inventory)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        if (!ReferenceEquals(output, Console.Out) || Console.IsOutputRedirected)
        {
            console.Profile.Width = RedirectedWidth;
        }

        var masterKeys = Titled("Master keys (Data Protection key ring)", "Id", "Created", "Activation", "Expiration", "Revoked", "Default", "Data keys");
        foreach (var key in inventory.MasterKeys)
        {
            AddRow(masterKeys, key.Id.ToString(), Time(key.Created), Time(key.Activation), Time(key.Expiration), YesNo(key.Revoked), YesNo(key.Default), Count(key.Census.DataKeys));
        }

        var dataKeys = Titled("Data keys", "Id", "Purpose", "State", "Master key", "Created", "Sealed values", "Index entries", "Access tags", "Person keys");
        foreach (var key in inventory.DataKeys)
        {
            AddRow(
                dataKeys,
                key.Id.ToString(),
                key.Purpose,
                key.State,
                key.MasterKeyId?.ToString() ?? "unknown",
                Time(key.Created),
                PerVersion(key.Census.SealedValues),
                Count(key.Census.IndexEntries),
                Count(key.Census.AccessTags),
                Count(key.Census.PersonKeys));
        }

        console.Write(masterKeys);
        console.Write(dataKeys);
        console.WriteLine($"Values no listed key accounts for: sealed values {PerVersion(inventory.Unattributed.SealedValues)}, index entries {Count(inventory.Unattributed.IndexEntries)}, access tags {Count(inventory.Unattributed.AccessTags)}.");
        console.WriteLine($"Person keys no stored value names (a rekey's between its steps, or orphans for `keys sweep`): {Count(inventory.PersonKeysWithoutValues)}.");
    }

    private static Table Titled(string title, params string[] columns)
    {
        var table = new Table { Title = new TableTitle(title) };
        foreach (var column in columns)
        {
            table.AddColumn(new TableColumn(new Text(column)));
        }

        return table;
    }

    // Text, not markup: no cell is ever parsed for Spectre's [style] syntax.
    private static void AddRow(Table table, params string[] cells) => table.AddRow(cells.Select(cell => (IRenderable)new Text(cell)));

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static string YesNo(bool value) => value ? "yes" : "no";

    private static string Count(long count) => count.ToString("N0", CultureInfo.InvariantCulture);

    private static string PerVersion(IReadOnlyDictionary<int, long> counts) =>
        counts.Count == 0 ? "0" : string.Join(", ", counts.OrderBy(c => c.Key).Select(c => $"{Count(c.Value)} (format {c.Key.ToString(CultureInfo.InvariantCulture)})"));
}
