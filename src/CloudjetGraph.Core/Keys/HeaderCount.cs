namespace CloudjetGraph.Core.Keys;

/// <summary>One row of a census query: a distinct header prefix and how many stored values start with it.</summary>
internal sealed class HeaderCount
{
    public required byte[] Header { get; init; }

    public required long Count { get; init; }
}
