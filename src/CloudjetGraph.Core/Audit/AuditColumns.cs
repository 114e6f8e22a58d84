using System.Security.Cryptography;

namespace CloudjetGraph.Core.Audit;

/// <summary>
/// The longest value each column of <see cref="AuditEntry"/> holds: the schema's lengths, here beside
/// the entity so the model needs nothing from the trail that writes it. Longer text is cut, so an
/// entry never fails on length.
/// </summary>
internal static class AuditColumns
{
    /// <summary>Bytes of an entry's chain link: a SHA-256 hash.</summary>
    public const int LinkLength = SHA256.HashSizeInBytes;

    /// <summary>Longest recorded detail; a longer refusal message is cut.</summary>
    public const int MaxDetailLength = 500;

    /// <summary>Longest recorded target.</summary>
    public const int MaxTargetLength = 200;

    /// <summary>Longest recorded actor subject.</summary>
    public const int MaxSubjectLength = 200;

    /// <summary>Longest recorded operation name (GraphQL operation names are the caller's choice).</summary>
    public const int MaxOperationLength = 100;

    /// <summary>Longest law number a disclosure records; <see cref="Privacy.LegalBasis"/>'s grammar allows at most 53 characters.</summary>
    public const int MaxDisclosureLawLength = 64;

    /// <summary>Longest provision a disclosure records; <see cref="Privacy.LegalBasis"/>'s grammar allows at most 19 characters.</summary>
    public const int MaxDisclosureArticleLength = 32;

    /// <summary><paramref name="text"/>, cut to <paramref name="length"/> characters with an ellipsis.</summary>
    public static string Cut(string text, int length)
    {
        ArgumentNullException.ThrowIfNull(text);
        return text.Length <= length ? text : text[..(length - 1)] + "…";
    }
}
