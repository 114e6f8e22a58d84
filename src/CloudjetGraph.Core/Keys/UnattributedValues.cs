namespace CloudjetGraph.Core.Keys;

/// <summary>
/// Stored values whose header names no data key of their kind, or has a format this version does
/// not know: no key listed here opens them, and a custodian should find out why.
/// </summary>
/// <param name="SealedValues">Sealed values, per format version (the header's first byte).</param>
/// <param name="AccessTags">Access tags.</param>
public sealed record UnattributedValues(IReadOnlyDictionary<int, long> SealedValues, long AccessTags);
