namespace CloudjetGraph.Core.Keys;

/// <summary>What a data key protects, counted from stored headers without decrypting anything.</summary>
/// <param name="SealedValues">
/// Sealed values under this key, per format version: for a person-key-wrapping key, the values
/// whose header names a person key that this key wraps.
/// </param>
/// <param name="IndexEntries">
/// Blind-index entries (profile email and login email, invitation email) whose header names this
/// key; 0 for keys of other purposes.
/// </param>
/// <param name="AccessTags">Profile access tags whose header names this key.</param>
/// <param name="PersonKeys">Person keys in the key store wrapped under this key.</param>
public sealed record DataKeyCensus(IReadOnlyDictionary<int, long> SealedValues, long IndexEntries, long AccessTags, long PersonKeys);
