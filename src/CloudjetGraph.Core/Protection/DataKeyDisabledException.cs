namespace CloudjetGraph.Core.Protection;

/// <summary>
/// A value was not opened because its data key is disabled or scheduled for destruction. A
/// <see cref="FieldIntegrityException"/>, so every path that withholds a value that does not open
/// withholds this one too; GraphQL answers it with <c>KEY_DISABLED</c>. The message names the key only.
/// </summary>
public sealed class DataKeyDisabledException : FieldIntegrityException
{
    /// <summary>Creates the exception for data key <paramref name="dataKeyId"/>.</summary>
    public DataKeyDisabledException(Guid dataKeyId)
        : base($"Data key {dataKeyId} is disabled; nothing opens under it until a custodian enables it.")
    {
        DataKeyId = dataKeyId;
    }

    /// <summary>Creates the exception with a message safe to log.</summary>
    public DataKeyDisabledException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message safe to log and its cause.</summary>
    public DataKeyDisabledException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a generic message.</summary>
    public DataKeyDisabledException()
        : base("A data key is disabled; nothing opens under it until a custodian enables it.")
    {
    }

    /// <summary>The disabled key; empty when not known.</summary>
    public Guid DataKeyId { get; }
}
