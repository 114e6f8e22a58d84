using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace CloudjetGraph.Core.Protection;

/// <summary>Wraps and unwraps data keys with the Data Protection key ring, the root of trust.</summary>
public sealed class DataKeyWrapper(IDataProtectionProvider provider)
{
    // Changing the purpose would make every stored data key unreadable.
    private readonly IDataProtector _protector = provider.CreateProtector("CloudjetGraph.DataKeys.v1");

    /// <summary>Makes a new random 256-bit key and returns it with its wrapped form.</summary>
    public (byte[] Material, byte[] Wrapped) CreateKey()
    {
        var material = RandomNumberGenerator.GetBytes(32);
        return (material, _protector.Protect(material));
    }

    /// <summary>Unwraps a stored data key.</summary>
    /// <exception cref="CryptographicException">The key ring cannot open it.</exception>
    public byte[] Unwrap(byte[] wrapped) => _protector.Unprotect(wrapped);
}
