using CloudjetGraph.Core.Protection;

namespace CloudjetGraph.Core.KeyStore;

/// <summary>
/// The wrapped bytes of a data key kept in the key store rather than beside what it protects
/// (<see cref="KeyRing.IKeptDataKeys.Purposes"/>). Its state and dates stay in the profile
/// database's <c>DataKeys</c> row; deleting this row destroys the key in every profile backup.
/// </summary>
internal sealed class StoredDataKey
{
    /// <summary>The data key's id, the same as its profile database row's.</summary>
    public required Guid Id { get; init; }

    /// <summary>What the key is for; bound into the wrapped form, so it is kept beside it.</summary>
    public required DataKeyPurpose Purpose { get; init; }

    /// <summary>The key material protected by Data Protection (<see cref="DataKeyWrapper"/>).</summary>
    public required byte[] WrappedKey { get; set; }

    /// <summary>When these bytes were written here (created, or moved from the profile database).</summary>
    public required DateTimeOffset StoredAt { get; init; }
}
