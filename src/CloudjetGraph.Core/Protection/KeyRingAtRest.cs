using System.Security.Cryptography;
using CloudjetGraph.Core.Errors;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Core.Protection;

/// <summary>
/// Refuses a key ring that is not protected at rest as the settings require, or that the
/// configured certificate cannot open, before any data key is unwrapped or created with it.
/// </summary>
public sealed class KeyRingAtRest(KeyRingCertificate certificate, RingToken token, AuthenticatedRingRepository repository, IOptions<ProtectionOptions> options)
{
    private const string Section = ProtectionOptions.SectionName;

    /// <summary>Stops startup when a certificate or a token is configured but cannot be used.</summary>
    /// <exception cref="KeyRingUnavailableException">The file is missing, the password wrong, the token or its key unusable.</exception>
    public void CheckCertificate()
    {
        certificate.ThrowIfUnusable();
        token.ThrowIfUnusable();
    }

    /// <summary>
    /// Outside Development (unless <c>DataProtection:AllowUnprotectedKeys</c>), refuses a ring
    /// without a certificate or holding keys in clear; anywhere, refuses ring keys that cannot be
    /// decrypted, which Data Protection would otherwise only report on first use.
    /// </summary>
    /// <exception cref="KeyRingUnavailableException">The ring is unprotected or unreadable.</exception>
    public void Check(IReadOnlyCollection<IKey> ringKeys, string ringPath, bool isDevelopment)
    {
        ArgumentNullException.ThrowIfNull(ringKeys);
        CheckCertificate();
        var clearAllowed = isDevelopment || options.Value.AllowUnprotectedKeys;
        if (!clearAllowed && !certificate.IsConfigured && !token.IsConfigured)
        {
            throw new KeyRingUnavailableException(
                $"Outside Development the key ring must be protected at rest: set {Section}:CertificatePath (and {Section}:CertificatePassword), or set {Section}:AllowUnprotectedKeys to true to accept ring keys in clear.");
        }

        RefuseKeysInClear(ringPath, isDevelopment);

        foreach (var key in ringKeys.Where(k => !k.IsRevoked))
        {
            try
            {
                // Decrypts the key's secret now, so an unreadable ring stops startup, not a request.
                _ = key.Descriptor;
            }
            catch (CryptographicException exception)
            {
                throw new KeyRingUnavailableException(
                    token.IsConfigured
                        ? $"Ring key {key.KeyId} at '{ringPath}' cannot be decrypted with the token key {Section}:Pkcs11:KeyLabel."
                    : certificate.IsConfigured
                        ? $"Ring key {key.KeyId} at '{ringPath}' cannot be decrypted with the certificate {Section}:CertificatePath; it was protected by another certificate."
                        : $"Ring key {key.KeyId} at '{ringPath}' is protected by a certificate, but {Section}:CertificatePath is not set.",
                    exception);
            }
        }
    }

    /// <summary>
    /// Outside Development (unless <c>DataProtection:AllowUnprotectedKeys</c>), refuses a
    /// certificate ring holding keys in clear, counting them. Under a token a key in clear is
    /// refused by <see cref="RefuseUnauthenticated"/> instead, which names each file and key.
    /// </summary>
    /// <exception cref="KeyRingUnavailableException">The folder holds keys in clear.</exception>
    public void RefuseKeysInClear(string ringPath, bool isDevelopment)
    {
        var clearAllowed = isDevelopment || options.Value.AllowUnprotectedKeys;
        if (!clearAllowed && !token.IsConfigured && CountKeysInClear(ringPath) is var inClear and > 0)
        {
            throw new KeyRingUnavailableException(
                $"The key ring at '{ringPath}' ({Section}:KeyRingPath) holds {inClear} key(s) in clear, which {Section}:CertificatePath does not protect; replace them with certificate-protected keys, or set {Section}:AllowUnprotectedKeys to true.");
        }
    }

    /// <summary>
    /// Refuses a ring folder holding a key or revocation that the certificate does not authenticate
    /// (<see cref="AuthenticatedRingRepository"/>), naming the file and the key id. A running
    /// gateway only ignores such a file; at startup nobody has looked at the ring yet, so it stops.
    /// </summary>
    /// <exception cref="KeyRingUnavailableException">The folder holds an unauthenticated element.</exception>
    public void RefuseUnauthenticated(string ringPath)
    {
        var refused = repository.FindUnauthenticated();
        if (refused.Count > 0)
        {
            throw new KeyRingUnavailableException(
                $"The key ring at '{ringPath}' ({Section}:KeyRingPath) is refused: {refused[0].Describe()}"
                + (refused.Count > 1 ? $"; and {refused.Count - 1} more file(s) like it." : ".")
                + (repository.UnderToken
                    ? " Remove the file if no custodian wrote it (docs/key-runbook.md)."
                    : " Remove the file if no custodian wrote it; a ring written before ring keys were signed is signed once with `keys sign-ring` (docs/key-runbook.md)."));
        }
    }

    // A key that Data Protection stored unencrypted carries its secret in a <masterKey> element;
    // an encrypted one carries <encryptedSecret> instead. Read as stored, signed or not.
    private int CountKeysInClear(string ringPath) =>
        Directory.Exists(ringPath)
            ? repository.ReadFolder().Count(file => file.Element.Name.LocalName == "key" && file.Element.Descendants().Any(d => d.Name.LocalName == "masterKey"))
            : 0;
}
