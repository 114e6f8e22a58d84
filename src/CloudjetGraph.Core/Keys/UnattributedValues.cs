namespace CloudjetGraph.Core.Keys;

/// <summary>
/// Stored values whose header names no data key of their kind, or has a format this version does
/// not know: no key listed here opens them, and a custodian should find out why.
/// </summary>
/// <param name="SealedValues">Sealed values, per format version (the header's first byte).</param>
/// <param name="IndexEntries">
/// Blind-index entries: from before entries named their key (run <c>keys reindex</c>), naming a
/// key that is gone or of another purpose, or altered.
/// </param>
/// <param name="AccessTags">Access tags.</param>
public sealed record UnattributedValues(IReadOnlyDictionary<int, long> SealedValues, long IndexEntries, long AccessTags);
