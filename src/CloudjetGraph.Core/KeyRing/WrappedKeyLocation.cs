namespace CloudjetGraph.Core.KeyRing;

/// <summary>A data key's wrapped bytes and whether they were read from the key store (or still from its profile database row).</summary>
internal readonly record struct WrappedKeyLocation(byte[] Wrapped, bool InKeyStore);
