namespace CloudjetGraph.Core.Keys;

/// <summary>What a master key protects, read from the headers of the wrapped data keys.</summary>
/// <param name="DataKeys">Data keys whose wrapped form names this master key.</param>
public sealed record MasterKeyCensus(int DataKeys);
