using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;
using System.Xml.Linq;

namespace CloudjetGraph.Core.Protection;

/// <summary>
/// Signs a ring element (a <c>&lt;key&gt;</c> or <c>&lt;revocation&gt;</c> as Data Protection
/// stores it, secret already encrypted) with the ring certificate's private key, and verifies it.
/// </summary>
/// <remarks>
/// Why a signature, and over what: every key file embeds the certificate, so anyone who can write
/// the ring folder can encrypt a key of their own to it; only a holder of the private key can sign.
/// The signature is an enveloped XML-DSig (RSA-SHA256 over the exclusive canonical form of the
/// whole element), so it covers the key id, its dates and the encrypted secret: none can be swapped
/// between files. The <c>Signature</c> element sits in the XML-DSig namespace inside the ring
/// element; <see cref="AuthenticatedRingRepository"/> removes it before Data Protection reads the
/// element. Verification takes the key from the configured certificate, never from the file.
/// </remarks>
internal static class RingElementSignature
{
    private static readonly XName SignatureName = XName.Get("Signature", SignedXml.XmlDsigNamespaceUrl);

    /// <summary>A copy of <paramref name="element"/> carrying its signature by <paramref name="certificate"/>'s private key.</summary>
    public static XElement Sign(XElement element, X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(element);
        ArgumentNullException.ThrowIfNull(certificate);
        using var privateKey = certificate.GetRSAPrivateKey()
            ?? throw new CryptographicException("The ring certificate holds no RSA private key.");
        var document = ToDocument(WithoutSignature(element));
        var signed = new SignedXml(document) { SigningKey = privateKey };
        signed.SignedInfo!.SignatureMethod = SignedXml.XmlDsigRSASHA256Url;
        signed.SignedInfo.CanonicalizationMethod = SignedXml.XmlDsigExcC14NTransformUrl;
        var reference = new Reference(string.Empty) { DigestMethod = SignedXml.XmlDsigSHA256Url };
        reference.AddTransform(new XmlDsigEnvelopedSignatureTransform());
        reference.AddTransform(new XmlDsigExcC14NTransform());
        signed.AddReference(reference);
        signed.ComputeSignature();
        document.DocumentElement!.AppendChild(document.ImportNode(signed.GetXml(), deep: true));
        return XElement.Parse(document.OuterXml);
    }

    /// <summary>Whether <paramref name="element"/> carries exactly one signature, over the whole element, that <paramref name="certificate"/>'s key verifies.</summary>
    public static bool Verify(XElement element, X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(element);
        ArgumentNullException.ThrowIfNull(certificate);

        // One signature, a direct child, with one reference to the whole element: anything else
        // could sign some other part (signature wrapping).
        if (element.Elements(SignatureName).Count() != 1 || element.Descendants(SignatureName).Count() != 1)
        {
            return false;
        }

        using var publicKey = certificate.GetRSAPublicKey();
        if (publicKey is null)
        {
            return false;
        }

        var document = ToDocument(element);
        var signed = new SignedXml(document);
        try
        {
            signed.LoadXml((XmlElement)document.DocumentElement!.GetElementsByTagName("Signature", SignedXml.XmlDsigNamespaceUrl)[0]!);
            return signed.SignedInfo is { References.Count: 1 } info
                && info.References[0] is Reference { Uri: "" }
                && info.SignatureMethod == SignedXml.XmlDsigRSASHA256Url
                && signed.CheckSignature(publicKey);
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    /// <summary>Whether <paramref name="element"/> carries a signature element at all (valid or not).</summary>
    public static bool IsSigned(XElement element) => element.Element(SignatureName) is not null;

    /// <summary>A copy of <paramref name="element"/> without its signature, as Data Protection expects it.</summary>
    public static XElement WithoutSignature(XElement element)
    {
        ArgumentNullException.ThrowIfNull(element);
        var copy = new XElement(element);
        copy.Elements(SignatureName).Remove();
        return copy;
    }

    private static XmlDocument ToDocument(XElement element)
    {
        // Whitespace kept exactly, and no DTD: the signed bytes are the element's, nothing resolved.
        var document = new XmlDocument { PreserveWhitespace = true, XmlResolver = null };
        using var reader = element.CreateReader();
        document.Load(reader);
        return document;
    }
}
