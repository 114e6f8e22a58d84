namespace CloudjetGraph.Core.Keys;

/// <summary>Every key and what it protects: the result of <see cref="KeyCensus"/>.</summary>
/// <param name="MasterKeys">The Data Protection ring's keys, oldest first.</param>
/// <param name="DataKeys">The data keys, oldest first.</param>
/// <param name="Unattributed">Stored values that no listed key accounts for.</param>
/// <param name="PersonKeysWithoutValues">
/// Person keys that no stored value names: a rekey's between its steps, or keys whose profile is
/// gone (<c>keys sweep</c> removes those). Every guard counts them as data still under their key.
/// </param>
public sealed record KeyInventory(IReadOnlyList<MasterKeyEntry> MasterKeys, IReadOnlyList<DataKeyEntry> DataKeys, UnattributedValues Unattributed, long PersonKeysWithoutValues);
