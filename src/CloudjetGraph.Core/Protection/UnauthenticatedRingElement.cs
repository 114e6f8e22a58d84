namespace CloudjetGraph.Core.Protection;

/// <summary>
/// A file in the ring folder whose element the ring certificate does not authenticate: never given
/// to Data Protection. Names the file and the key it concerns, never key material.
/// </summary>
/// <param name="FileName">The file's name in the ring folder.</param>
/// <param name="Kind">What the element claims to be: <c>key</c> or <c>revocation</c> (or another element's name).</param>
/// <param name="KeyId">The key id it names (<c>*</c> for a revocation of every key), or <c>unknown</c>.</param>
/// <param name="HasSignature">Whether it carries a signature that does not verify (another certificate, or altered), rather than none.</param>
/// <param name="UnderToken">Whether a token is configured, so the token's seal was missing or wrong.</param>
public sealed record UnauthenticatedRingElement(string FileName, string Kind, string KeyId, bool HasSignature, bool UnderToken)
{
    /// <summary>One sentence for logs and refusals.</summary>
    public string Describe() =>
        $"the ring file '{FileName}' holds {(Kind == "revocation" ? "a revocation of ring key" : $"{Kind}")} {KeyId} "
        + (UnderToken
            ? "that the ring token does not authenticate (a key in clear, under a certificate, or written by someone without the token)"
            : HasSignature
                ? "whose signature the ring certificate does not verify (signed with another certificate, or altered after signing)"
                : "that carries no signature of the ring certificate (written by someone without its private key, or before ring keys were signed)");
}
