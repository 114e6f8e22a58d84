namespace CloudjetGraph.Core.Keys;

/// <summary>Stored values under one key that cannot open them, or (<see cref="KeyId"/> null) naming no key at all.</summary>
/// <param name="KeyId">The data key; null for unattributed values.</param>
/// <param name="State">The key's state (<see cref="DataKeyStates"/>), or <see cref="UnreadableValues.Unattributed"/>.</param>
/// <param name="Values">Person keys, sealed values, index entries and access tags together.</param>
public sealed record UnreadableUnder(Guid? KeyId, string State, long Values);

/// <summary>
/// Reads a census for data no key can open again: values under a destroyed key, and values whose
/// header names no key of their kind (say, a database restored beside a key store that never held
/// their person keys). Either means profiles answer <c>DATA_INTEGRITY</c> while everything else
/// looks healthy. A disabled or scheduled key still holds its values, which readiness reports live
/// from the ring (<c>disabledDataKeys</c>), not from a census that may be minutes old.
/// </summary>
public static class UnreadableValues
{
    /// <summary>The state readiness gives values that name no key of their kind.</summary>
    public const string Unattributed = "unattributed";

    /// <summary>Every key with something unreadable under it, then the unattributed values; empty when all can be read.</summary>
    public static IReadOnlyList<UnreadableUnder> In(KeyInventory inventory)
    {
        ArgumentNullException.ThrowIfNull(inventory);
        var found = inventory.DataKeys
            .Where(key => key.State == DataKeyStates.Destroyed)
            .Select(key => new UnreadableUnder(key.Id, key.State, Total(key.Census)))
            .Where(under => under.Values > 0)
            .ToList();
        var unattributed = inventory.Unattributed;
        var unattributedValues = unattributed.SealedValues.Values.Sum() + unattributed.IndexEntries + unattributed.AccessTags;
        if (unattributedValues > 0)
        {
            found.Add(new UnreadableUnder(null, Unattributed, unattributedValues));
        }

        return found;
    }

    private static long Total(DataKeyCensus census) =>
        census.PersonKeys + census.SealedValues.Values.Sum() + census.IndexEntries + census.AccessTags;
}
