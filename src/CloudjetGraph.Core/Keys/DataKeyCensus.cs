namespace CloudjetGraph.Core.Keys;

/// <summary>What a data key protects, counted from stored headers without decrypting anything.</summary>
/// <param name="SealedValues">Sealed values whose header names this key, per format version.</param>
/// <param name="IndexEntries">
/// Blind-index entries under this key. Index entries carry no key id, so every entry is counted
/// under the active blind-index key; null for a decrypt-only blind-index key, whose count cannot
/// be told from the stored bytes (the reindex job will need a key id in them).
/// </param>
/// <param name="AccessTags">Profile access tags whose header names this key.</param>
/// <param name="PersonKeys">
/// Person keys wrapped under this key. Always null: person keys do not exist yet (issue 6, item 1);
/// the key store will fill this in.
/// </param>
public sealed record DataKeyCensus(IReadOnlyDictionary<int, long> SealedValues, long? IndexEntries, long AccessTags, long? PersonKeys);
