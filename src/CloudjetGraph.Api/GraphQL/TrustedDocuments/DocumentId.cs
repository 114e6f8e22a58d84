namespace CloudjetGraph.Api.GraphQL.TrustedDocuments;

/// <summary>
/// A request's <c>documentId</c>: <c>sha256:</c> and the 64 lowercase hex digits of the SHA-256 of the
/// document's UTF-8 text, the only form the GraphQL-over-HTTP persisted documents appendix defines
/// for a content hash. Anything else is refused rather than guessed at.
/// </summary>
internal static class DocumentId
{
    public const string Prefix = "sha256:";

    private const int HexLength = 64;

    /// <summary>The hex digest of <paramref name="documentId"/>, or null when it is not of the form <c>sha256:&lt;64 lowercase hex&gt;</c>.</summary>
    public static string? DigestOf(string documentId)
    {
        ArgumentNullException.ThrowIfNull(documentId);
        if (documentId.Length != Prefix.Length + HexLength || !documentId.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var digest = documentId[Prefix.Length..];
        return digest.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f') ? digest : null;
    }
}
