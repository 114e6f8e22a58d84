namespace CloudjetGraph.Core.Keys;

/// <summary>Every key and what it protects: the result of <see cref="KeyCensus"/>.</summary>
/// <param name="MasterKeys">The Data Protection ring's keys, oldest first.</param>
/// <param name="DataKeys">The data keys, oldest first.</param>
/// <param name="Unattributed">Stored values that no listed key accounts for.</param>
public sealed record KeyInventory(IReadOnlyList<MasterKeyEntry> MasterKeys, IReadOnlyList<DataKeyEntry> DataKeys, UnattributedValues Unattributed);
