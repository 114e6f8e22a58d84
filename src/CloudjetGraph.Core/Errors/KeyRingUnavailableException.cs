namespace CloudjetGraph.Core.Errors;

/// <summary>
/// The key ring is missing, unreadable or does not match the database. Startup stops rather than
/// creating a new ring that would orphan the stored data.
/// </summary>
public class KeyRingUnavailableException : Exception
{
    /// <summary>Creates the exception with a message that names the setting to check.</summary>
    public KeyRingUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message that names the setting to check, and its cause.</summary>
    public KeyRingUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public KeyRingUnavailableException()
        : base("The Data Protection key ring is unavailable.")
    {
    }
}
