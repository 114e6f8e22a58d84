namespace CloudjetGraph.Core.Keys;

/// <summary>
/// Counts of stored values per data key and format version, added to one header group at a time,
/// so a census holds one counter per key and version however many values it reads.
/// </summary>
internal sealed class HeaderTally
{
    /// <summary>Counts per data key, per format version.</summary>
    public Dictionary<Guid, Dictionary<int, long>> ByKey { get; } = [];

    /// <summary>Counts of values no key accounts for, per format version.</summary>
    public Dictionary<int, long> Unattributed { get; } = [];

    /// <summary>Adds <paramref name="count"/> values that start with <paramref name="header"/>, under <paramref name="keyId"/> or none.</summary>
    public void Add(byte[] header, long count, Guid? keyId)
    {
        // The first byte is the format version of every stored format; an empty value has none.
        var version = header.Length == 0 ? 0 : header[0];
        var counts = Unattributed;
        if (keyId is { } id && !ByKey.TryGetValue(id, out counts))
        {
            counts = ByKey[id] = [];
        }

        counts[version] = counts.GetValueOrDefault(version) + count;
    }
}
