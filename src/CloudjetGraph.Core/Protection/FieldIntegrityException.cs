namespace CloudjetGraph.Core.Protection;

// Not sealed: a value under a disabled key (DataKeyDisabledException) is withheld like a broken one
// wherever the code only needs to know that it did not open, e.g. login, which then fails as a wrong password does.
/// <summary>
/// A stored value failed to open: it was tampered with, moved from another row or column, or its
/// data key is unavailable. The message never contains the value or key material.
/// </summary>
public class FieldIntegrityException : Exception
{
    /// <summary>Creates the exception with a message safe to log.</summary>
    public FieldIntegrityException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message safe to log and its cause.</summary>
    public FieldIntegrityException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public FieldIntegrityException()
        : base("A stored value failed its integrity check.")
    {
    }
}
