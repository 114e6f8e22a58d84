using CloudjetGraph.Core.Keys;
using Spectre.Console;
using static CloudjetGraph.Cli.CliTables;

namespace CloudjetGraph.Cli;

/// <summary>The human form of <c>keys list</c> and <c>keys show</c>: tables of master keys, data keys and the census.</summary>
internal static class KeyInventoryTables
{
    public static string Render(TextWriter target, KeyInventory inventory) => CliTables.Render(target, console =>
    {
        console.Write(MasterKeys(inventory.MasterKeys));
        console.Write(DataKeys(inventory.DataKeys));
        console.WriteLine($"Values no listed key accounts for: sealed values {PerVersion(inventory.Unattributed.SealedValues)}, index entries {Count(inventory.Unattributed.IndexEntries)}, access tags {Count(inventory.Unattributed.AccessTags)}.");
        console.WriteLine($"Person keys no stored value names (a rekey's between its steps, or orphans for `keys sweep`): {Count(inventory.PersonKeysWithoutValues)}.");
    });

    public static Table MasterKeys(IEnumerable<MasterKeyEntry> keys)
    {
        var table = Titled("Master keys (Data Protection key ring)", "Id", "Created", "Activation", "Expiration", "Revoked", "Default", "Data keys");
        foreach (var key in keys)
        {
            AddRow(table, key.Id.ToString(), Time(key.Created), Time(key.Activation), Time(key.Expiration), YesNo(key.Revoked), YesNo(key.Default), Count(key.Census.DataKeys));
        }

        return table;
    }

    public static Table DataKeys(IEnumerable<DataKeyEntry> keys)
    {
        var table = Titled("Data keys", "Id", "Purpose", "State", "Master key", "Created", "Sealed values", "Index entries", "Access tags", "Person keys");
        foreach (var key in keys)
        {
            AddRow(
                table,
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

        return table;
    }
}
