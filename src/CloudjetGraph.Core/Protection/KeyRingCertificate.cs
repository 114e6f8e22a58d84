using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CloudjetGraph.Core.Errors;

namespace CloudjetGraph.Core.Protection;

/// <summary>
/// The certificate named by <c>DataProtection:CertificatePath</c>, which encrypts the ring keys at
/// rest. Data Protection takes it when services are registered, so it is loaded then; a file that
/// cannot be used is kept as a refusal and thrown by the startup check, before anything is written.
/// </summary>
public sealed class KeyRingCertificate
{
    private readonly string? _refusal;

    private KeyRingCertificate(X509Certificate2? certificate, string? refusal)
    {
        Certificate = certificate;
        _refusal = refusal;
    }

    /// <summary>The usable certificate, or null when none is configured or it cannot be used.</summary>
    public X509Certificate2? Certificate { get; }

    /// <summary>Whether a certificate is configured, usable or not.</summary>
    public bool IsConfigured => Certificate is not null || _refusal is not null;

    /// <summary>Loads the configured certificate; never throws, so a bad file stops startup where every refusal does.</summary>
    public static KeyRingCertificate Load(ProtectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            return new(null, null);
        }

        var path = Path.GetFullPath(options.CertificatePath);
        var setting = $"{ProtectionOptions.SectionName}:CertificatePath";
        if (!File.Exists(path))
        {
            return new(null, $"The key ring certificate '{path}' ({setting}) does not exist.");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, options.CertificatePassword, X509KeyStorageFlags.EphemeralKeySet);
        }
        catch (CryptographicException)
        {
            // The exception says no more than this, and a password must never reach a message.
            return new(null, $"The key ring certificate '{path}' ({setting}) cannot be opened with {ProtectionOptions.SectionName}:CertificatePassword: the password is wrong or the file is not PKCS#12.");
        }

        // Data Protection encrypts ring keys with the certificate's RSA key (XML encryption), and
        // without the private key it could write keys that nothing can ever read back.
        using var publicKey = certificate.GetRSAPublicKey();
        if (publicKey is null || !certificate.HasPrivateKey)
        {
            certificate.Dispose();
            return new(null, $"The key ring certificate '{path}' ({setting}) must hold an RSA key pair with its private key.");
        }

        return new(certificate, null);
    }

    /// <summary>Stops startup when a certificate is configured but cannot be used.</summary>
    /// <exception cref="KeyRingUnavailableException">The file is missing, the password wrong, or the key unusable.</exception>
    public void ThrowIfUnusable()
    {
        if (_refusal is not null)
        {
            throw new KeyRingUnavailableException(_refusal);
        }
    }
}
