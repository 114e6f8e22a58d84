namespace CloudjetGraph.Core.Protection;

/// <summary>
/// What a data key is used for; each purpose has its own active key. The numbers are stored, and
/// each purpose's name in <see cref="DataKeyPurposeNames"/> is bound into its wrapped key: never
/// renumber a member. 1 (field encryption under data keys, format 1) is retired: format 2 seals
/// under person keys.
/// </summary>
public enum DataKeyPurpose
{
    /// <summary>HMAC-SHA256 blind indexes for equality lookups.</summary>
    BlindIndex = 2,

    /// <summary>HMAC-SHA256 signing of the gateway's own access tokens.</summary>
    TokenSigning = 3,

    /// <summary>HMAC-SHA256 access tags that bind a profile's access-granting columns to its row.</summary>
    RowIntegrity = 4,

    /// <summary>AES-256-GCM wrapping of the person keys in the key store.</summary>
    PersonKeyWrapping = 5,
}
