using CloudjetGraph.Core.Data;

namespace CloudjetGraph.Core.Keys;

/// <summary>
/// The states of a data key as custodians see them; fixed strings that scripts match on.
/// </summary>
public static class DataKeyStates
{
    /// <summary>New values of its purpose are written with it.</summary>
    public const string Active = "active";

    /// <summary>Kept to read what it protects; nothing new is written with it.</summary>
    public const string DecryptOnly = "decrypt-only";

    /// <summary>Its wrapped bytes were overwritten (<c>keys destroy-data</c>); the row stays as a tombstone naming it.</summary>
    public const string Destroyed = "destroyed";

    /// <summary>Whether values under a key in <paramref name="state"/> can be opened.</summary>
    public static bool Opens(string state) => state is Active or DecryptOnly;

    /// <summary>The state of a stored key.</summary>
    public static string Of(DataKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.DestroyedAt is not null ? Destroyed : key.IsActive ? Active : DecryptOnly;
    }
}
