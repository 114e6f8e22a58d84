namespace CloudjetGraph.Core.Data;

/// <summary>
/// A random 256-bit key, stored wrapped (protected) by the Data Protection key ring.
/// The plaintext key exists only in memory.
/// </summary>
public sealed class DataKey
{
    /// <summary>Identifier written into the header of every value sealed with this key.</summary>
    public required Guid Id { get; init; }

    /// <summary>What the key is for.</summary>
    public required DataKeyPurpose Purpose { get; init; }

    /// <summary>The key material protected by Data Protection.</summary>
    public required byte[] WrappedKey { get; set; }

    /// <summary>Whether new values are written with this key.</summary>
    public required bool IsActive { get; set; }

    /// <summary>
    /// True when the key was made together with a development key ring: such keys must never
    /// serve outside Development, and only they let the CLI mint staff tokens.
    /// </summary>
    public required bool DevelopmentOnly { get; init; }

    /// <summary>Creation time.</summary>
    public required DateTimeOffset CreatedAt { get; init; }
}
