namespace CloudjetGraph.Core.Data;

/// <summary>What a data key is used for; each purpose has its own active key.</summary>
public enum DataKeyPurpose
{
    /// <summary>AES-256-GCM sealing of personal fields.</summary>
    FieldEncryption = 1,

    /// <summary>HMAC-SHA256 blind indexes for equality lookups.</summary>
    BlindIndex = 2,

    /// <summary>HMAC-SHA256 signing of the gateway's own access tokens.</summary>
    TokenSigning = 3,

    /// <summary>HMAC-SHA256 access tags that bind a profile's access-granting columns to its row.</summary>
    RowIntegrity = 4,
}
