namespace CloudjetGraph.Core.Errors;

/// <summary>
/// A rule of the domain refused an operation. The message is shown to clients, so it never
/// contains personal data.
/// </summary>
public sealed class DomainException : Exception
{
    /// <summary>Creates the exception with a stable code from <see cref="ErrorCodes"/>.</summary>
    public DomainException(string code, string message, string? field = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code;
        Field = field;
    }

    /// <summary>Creates the exception with a generic validation code.</summary>
    public DomainException()
        : this(ErrorCodes.Validation, "The request was refused.")
    {
    }

    /// <summary>Creates the exception with a generic validation code.</summary>
    public DomainException(string message)
        : this(ErrorCodes.Validation, message)
    {
    }

    /// <summary>Creates the exception with a generic validation code and a cause.</summary>
    public DomainException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = ErrorCodes.Validation;
    }

    /// <summary>The stable code.</summary>
    public string Code { get; }

    /// <summary>The input field at fault, if one is.</summary>
    public string? Field { get; }
}
