using System.Security.Cryptography;
using System.Security.Cryptography.Xml;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace CloudjetGraph.Core.Protection;

/// <summary>
/// Authenticates a whole ring element (key id, dates, secret; or a revocation) with the token key:
/// the SHA-256 of its exclusive canonical form, sealed by AES-GCM in the token and stored beside it.
/// Only a holder of the token can make one, as only a holder of the certificate can sign.
/// </summary>
/// <remarks>
/// The secret of a token-protected key is already authenticated by its own AES-GCM; this seal
/// covers the rest of the element (so dates cannot be moved to make a key the default) and
/// revocations, which hold no secret.
/// </remarks>
internal static class RingElementTokenSeal
{
    /// <summary>The seal element's name, in the project's own namespace so that nothing else claims it.</summary>
    public static readonly XName SealName = XName.Get("tokenSeal", "urn:cloudjetgraph:ring:v1");

    private static readonly byte[] AssociatedData = Encoding.UTF8.GetBytes("CloudjetGraph ring element seal v1");

    /// <summary>A copy of <paramref name="element"/> carrying its token seal.</summary>
    public static XElement Seal(XElement element, RingToken token)
    {
        ArgumentNullException.ThrowIfNull(element);
        ArgumentNullException.ThrowIfNull(token);
        var copy = WithoutSeal(element);
        copy.Add(new XElement(SealName, Convert.ToBase64String(token.Seal(Digest(copy), AssociatedData))));
        return copy;
    }

    /// <summary>Whether <paramref name="element"/> carries one token seal that opens to its digest.</summary>
    /// <exception cref="Errors.KeyRingUnavailableException">The token cannot be used.</exception>
    public static bool Verify(XElement element, RingToken token)
    {
        ArgumentNullException.ThrowIfNull(element);
        ArgumentNullException.ThrowIfNull(token);
        if (element.Elements(SealName).ToList() is not [var seal] || element.Descendants(SealName).Count() != 1)
        {
            return false;
        }

        try
        {
            var opened = token.Open(Convert.FromBase64String(seal.Value), AssociatedData);
            return CryptographicOperations.FixedTimeEquals(opened, Digest(WithoutSeal(element)));
        }
        catch (Exception exception) when (exception is CryptographicException or FormatException)
        {
            return false;
        }
    }

    /// <summary>A copy without the token seal and without any certificate signature (which covers the seal).</summary>
    public static XElement WithoutSeal(XElement element)
    {
        var copy = RingElementSignature.WithoutSignature(element);
        copy.Elements(SealName).Remove();
        return copy;
    }

    private static byte[] Digest(XElement element)
    {
        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        using (var reader = element.CreateReader())
        {
            document.Load(reader);
        }

        var canonical = new XmlDsigExcC14NTransform();
        canonical.LoadInput(document);
        using var stream = (Stream)canonical.GetOutput(typeof(Stream));
        return SHA256.HashData(stream);
    }
}
