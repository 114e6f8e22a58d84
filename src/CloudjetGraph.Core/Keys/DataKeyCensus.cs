namespace CloudjetGraph.Core.Keys;

/// <summary>What a data key protects, counted from stored headers without decrypting anything.</summary>
/// <param name="SealedValues">
/// Sealed values under this key, per format version: for a person-key-wrapping key, the values
/// whose header names a person key that this key wraps.
/// </param>
/// <param name="IndexEntries">
/// Blind-index entries under this key. Index entries carry no key id, so every entry is counted
/// under the active blind-index key; null for a decrypt-only blind-index key, whose count cannot
/// be told from the stored bytes (the reindex job will need a key id in them).
/// </param>
/// <param name="AccessTags">Profile access tags whose header names this key.</param>
/// <param name="PersonKeys">Person keys in the key store wrapped under this key.</param>
public sealed record DataKeyCensus(IReadOnlyDictionary<int, long> SealedValues, long? IndexEntries, long AccessTags, long PersonKeys);
