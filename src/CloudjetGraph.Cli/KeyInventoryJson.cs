using System.Text.Json;
using CloudjetGraph.Core.Keys;

namespace CloudjetGraph.Cli;

/// <summary>The JSON form of <c>keys list</c>: camelCase properties, ISO 8601 times, counts per format version keyed by the version.</summary>
internal static class KeyInventoryJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static async Task WriteAsync(TextWriter output, KeyInventory inventory, CancellationToken cancellationToken)
    {
        await output.WriteLineAsync(JsonSerializer.Serialize(inventory, Options).AsMemory(), cancellationToken);
        await output.FlushAsync(cancellationToken);
    }
}
