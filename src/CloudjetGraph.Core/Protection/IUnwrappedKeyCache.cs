namespace CloudjetGraph.Core.Protection;

/// <summary>
/// Keys unwrapped under a data key and held in memory: the key store's person key cache. When a data
/// key becomes disabled, <see cref="KeyRing.DisabledDataKeysLoader"/> empties it, so every key is unwrapped
/// again through the ring's check. Declared here, on the ring's floor, so the ring does not import the
/// key store above it.
/// </summary>
public interface IUnwrappedKeyCache
{
    /// <summary>Disposes every cached key.</summary>
    void Clear();
}
