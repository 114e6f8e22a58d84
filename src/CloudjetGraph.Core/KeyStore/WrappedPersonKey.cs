namespace CloudjetGraph.Core.KeyStore;

/// <summary>
/// A profile's person key as the key store holds it: wrapped (AES-256-GCM) under a person-key
/// data key. Deleting the row shreds every value sealed under the key, in every copy of the database.
/// </summary>
internal sealed class WrappedPersonKey
{
    /// <summary>The person key id, written into the header of every value sealed under it.</summary>
    public required Guid Id { get; init; }

    /// <summary>The profile whose personal fields the key seals.</summary>
    public required Guid ProfileId { get; init; }

    /// <summary>The <see cref="Protection.DataKeyPurpose.PersonKeyWrapping"/> data key that wraps it.</summary>
    public required Guid WrappingKeyId { get; set; }

    /// <summary><c>nonce (12) | wrapped key (32) | tag (16)</c>; see <see cref="PersonKeyWrapper"/>.</summary>
    public required byte[] WrappedKey { get; set; }

    /// <summary>Creation time.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Concurrency token, incremented on every change (a rewrap), so a concurrent one is never overwritten.</summary>
    public long Version { get; set; }
}
