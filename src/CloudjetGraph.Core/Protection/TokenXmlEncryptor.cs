using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace CloudjetGraph.Core.Protection;

/// <summary>
/// Encrypts a ring key's secret with AES-256-GCM in the PKCS#11 token (<see cref="RingToken"/>).
/// A secret that opens under the token key was sealed by a holder of the token, since the key never
/// leaves it: a token-encrypted ring key is authenticated by construction, and one protected any
/// other way is not.
/// </summary>
internal sealed class TokenXmlEncryptor(RingToken token) : IXmlEncryptor
{
    /// <summary>The associated data of every sealed secret; a fixed string, as it reaches stored bytes.</summary>
    internal static readonly byte[] AssociatedData = Encoding.UTF8.GetBytes("CloudjetGraph ring key secret v1");

    /// <inheritdoc />
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        ArgumentNullException.ThrowIfNull(plaintextElement);
        var sealedSecret = token.Seal(Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting)), AssociatedData);
        var element = new XElement("tokenEncryptedSecret", new XAttribute("keyLabel", token.KeyLabel), new XElement("value", Convert.ToBase64String(sealedSecret)));
        return new EncryptedXmlInfo(element, typeof(TokenXmlDecryptor));
    }
}
