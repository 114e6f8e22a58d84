using CloudjetGraph.Core.Protection;

namespace CloudjetGraph.Core.KeyRing;

/// <summary>
/// Where the ring's bootstrap finds and puts the data keys that live in the key store rather than in
/// their profile database rows (<see cref="Purposes"/>); the key store implements it, which keeps
/// the ring's namespace from importing the key store's.
/// </summary>
public interface IKeptDataKeys
{
    /// <summary>The purposes whose wrapped keys live in the key store: blind-index keys, so that destroying one reaches profile database backups.</summary>
    internal static readonly DataKeyPurpose[] Purposes = [DataKeyPurpose.BlindIndex];

    /// <summary>Whether keys of <paramref name="purpose"/> live in the key store.</summary>
    internal static bool Keeps(DataKeyPurpose purpose) => Purposes.Contains(purpose);

    /// <summary>The wrapped bytes of every key of <paramref name="keys"/> that is not destroyed, from where each lives.</summary>
    internal Task<IReadOnlyDictionary<Guid, WrappedKeyLocation>> ReadAsync(IReadOnlyCollection<DataKey> keys, CancellationToken cancellationToken);

    /// <summary>Writes a new kept key's wrapped bytes to the key store, before its row is written.</summary>
    internal Task StoreAsync(Guid id, DataKeyPurpose purpose, byte[] wrapped, CancellationToken cancellationToken);

    /// <summary>Moves every kept key still in its profile database row into the key store.</summary>
    internal Task MoveIntoKeyStoreAsync(CancellationToken cancellationToken);
}
