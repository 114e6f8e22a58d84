namespace CloudjetGraph.Core.Audit;

/// <summary>What a succeeded operation records: the keys it concerned and a short detail (ids and counts only).</summary>
/// <param name="Target">Key ids and scope.</param>
/// <param name="Detail">Counts and ids; never key material, ciphertext or a personal value.</param>
public sealed record OperationSummary(string Target, string Detail);
