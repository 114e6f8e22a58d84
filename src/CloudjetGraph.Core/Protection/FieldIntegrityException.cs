namespace CloudjetGraph.Core.Protection;

/// <summary>
/// A stored value failed to open: it was tampered with, moved from another row or column, or its
/// data key is unavailable. The message never contains the value or key material.
/// </summary>
public sealed class FieldIntegrityException : Exception
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
