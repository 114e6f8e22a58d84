using CloudjetGraph.Core.Errors;

namespace CloudjetGraph.Core.KeyStore;

/// <summary>
/// The key store named by <c>ConnectionStrings:CloudjetKeys</c> is missing, empty beside sealed
/// values, or paired with another database. Nothing may be counted, changed or created through it:
/// a census read through it is blind, and a guard fed a blind census destroys data.
/// </summary>
public sealed class KeyStoreMismatchException : KeyRingUnavailableException
{
    /// <summary>Creates the exception with a message that names the setting and the store, never a password.</summary>
    public KeyStoreMismatchException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public KeyStoreMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public KeyStoreMismatchException()
        : base($"The key store (ConnectionStrings:{KeyStoreServiceCollectionExtensions.ConnectionStringName}) does not belong to this database.")
    {
    }
}
