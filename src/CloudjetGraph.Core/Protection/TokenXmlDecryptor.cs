using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.Core.Protection;

/// <summary>Opens what <see cref="TokenXmlEncryptor"/> sealed; Data Protection creates it by name, with the services.</summary>
internal sealed class TokenXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    /// <inheritdoc />
    public XElement Decrypt(XElement encryptedElement)
    {
        ArgumentNullException.ThrowIfNull(encryptedElement);
        var value = encryptedElement.Element("value")?.Value
            ?? throw new CryptographicException("The token-encrypted secret has no value.");
        var opened = services.GetRequiredService<RingToken>().Open(Convert.FromBase64String(value), TokenXmlEncryptor.AssociatedData);
        try
        {
            return XElement.Parse(Encoding.UTF8.GetString(opened));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(opened);
        }
    }
}
