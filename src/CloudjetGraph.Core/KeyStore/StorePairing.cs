namespace CloudjetGraph.Core.KeyStore;

/// <summary>
/// The id that binds a profile database to its key store: the same single row in both, written
/// when the pair is first opened together (see <see cref="KeyStore.KeyStorePairing"/>). A census
/// read through another database's key store would count every value as unattributed and let a
/// guard destroy what it cannot see; the id lets every verb and start refuse that store instead.
/// </summary>
internal sealed class StorePairing
{
    /// <summary>The pairing id, random; the same in the profile database and its key store.</summary>
    public required Guid Id { get; init; }

    /// <summary>When the pair was bound.</summary>
    public required DateTimeOffset PairedAt { get; init; }
}
