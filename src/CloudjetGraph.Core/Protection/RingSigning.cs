using CloudjetGraph.Core.Errors;
using Microsoft.Extensions.Logging;

namespace CloudjetGraph.Core.Protection;

/// <summary>
/// The one-off migration of a certificate-protected ring written before ring keys were signed
/// (<c>keys sign-ring</c>): lists the unsigned elements, and signs those a custodian names by key
/// id after checking, with <c>keys list</c>, that they are the ring's own. Never signs a key in
/// clear, nor an element that carries another certificate's signature: those are not the ring's.
/// </summary>
public sealed partial class RingSigning(AuthenticatedRingRepository repository, KeyRingCertificate certificate, ILogger<RingSigning> logger)
{
    private const string CertificateSetting = $"{ProtectionOptions.SectionName}:CertificatePath";

    /// <summary>The elements the certificate does not authenticate, to show the custodian.</summary>
    /// <exception cref="KeyRingUnavailableException">No usable certificate is configured.</exception>
    public IReadOnlyList<UnauthenticatedRingElement> Pending()
    {
        RequireCertificate();
        return repository.FindUnauthenticated();
    }

    /// <summary>Signs every unsigned element naming <paramref name="keyId"/> (the key and any revocation of it).</summary>
    /// <returns>The elements signed.</returns>
    /// <exception cref="KeyRingUnavailableException">No usable certificate, or nothing unsigned names the key, or it is in clear or signed by another certificate.</exception>
    public IReadOnlyList<UnauthenticatedRingElement> Sign(Guid keyId)
    {
        RequireCertificate();
        var id = keyId.ToString();
        var matching = repository.FindUnauthenticated().Where(element => string.Equals(element.KeyId, id, StringComparison.OrdinalIgnoreCase)).ToList();
        if (matching.Count == 0)
        {
            throw new KeyRingUnavailableException($"No unauthenticated ring file names key {keyId}; `keys sign-ring` without --key lists those that do.");
        }

        var files = repository.ReadFolder().ToDictionary(file => file.FileName, StringComparer.Ordinal);
        foreach (var element in matching)
        {
            if (element.HasSignature)
            {
                throw new KeyRingUnavailableException($"The ring file '{element.FileName}' carries a signature that {CertificateSetting} does not verify: it was signed with another certificate or altered, and is not signed again.");
            }

            if (files[element.FileName].Element.Descendants().Any(d => d.Name.LocalName == "masterKey"))
            {
                throw new KeyRingUnavailableException($"The ring file '{element.FileName}' holds key {keyId} in clear; a key in clear is never signed under {CertificateSetting} (rotate the master key instead).");
            }
        }

        foreach (var element in matching)
        {
            repository.Sign(element.FileName);
            LogSigned(logger, element.FileName, element.Kind, element.KeyId);
        }

        return matching;
    }

    private void RequireCertificate()
    {
        certificate.ThrowIfUnusable();
        if (!repository.Authenticates)
        {
            throw new KeyRingUnavailableException($"Ring files are signed only under a certificate: set {CertificateSetting} (and {ProtectionOptions.SectionName}:CertificatePassword).");
        }
    }

    [LoggerMessage(EventId = 1042, EventName = "RingElementSigned", Level = LogLevel.Warning, Message = "Signed the ring file {FileName} ({Kind} for ring key {KeyId}) at a custodian's request; the gateway now uses it.")]
    private static partial void LogSigned(ILogger logger, string fileName, string kind, string keyId);
}
