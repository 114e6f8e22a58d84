using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Logging;

namespace CloudjetGraph.Core.Protection;

/// <summary>
/// The ring folder as Data Protection sees it. Under a certificate, every element written is
/// signed with its private key (<see cref="RingElementSignature"/>) and an element read is given to
/// Data Protection only if that signature verifies: a key encrypted to the public certificate alone
/// (which every key file embeds) is planted and never used, and neither is a revocation anyone could
/// drop in to stop the ring (denial of service). Refusals are logged once each, with the file and
/// the key id, and kept in <see cref="RingElementRefusals"/> for readiness; startup refuses them
/// outright (<see cref="KeyRingAtRest"/>). Under a PKCS#11 token the same holds with the token's
/// seal (<see cref="RingElementTokenSeal"/>) in place of the signature; while a ring moves from the
/// certificate to the token both are set and either authenticates. Without either nothing can
/// authenticate a key, so every element is used, as before (Development, or
/// <c>DataProtection:AllowUnprotectedKeys</c>). In every mode a revocation the database records
/// (<see cref="RecordedRevocations"/>) is added when its file is missing.
/// </summary>
/// <remarks>
/// Why here rather than in an <c>IXmlEncryptor</c>: an encryptor sees only the secret, so its
/// signature would not cover the key id or the activation date, and a signed secret could be moved
/// into a key whose dates make it the default. The repository sees the whole element.
/// </remarks>
public sealed partial class AuthenticatedRingRepository(
    DirectoryInfo directory,
    X509Certificate2? certificate,
    RingToken? token,
    RingElementRefusals refusals,
    RecordedRevocations revocations,
    ILoggerFactory loggerFactory) : IXmlRepository
{
    private readonly FileSystemXmlRepository _files = new(directory, loggerFactory);
    private readonly ILogger _logger = loggerFactory.CreateLogger<AuthenticatedRingRepository>();

    /// <summary>Whether elements are authenticated (a certificate or a token is configured).</summary>
    public bool Authenticates => certificate is not null || token is not null;

    /// <summary>Whether a token is configured, whose seal authenticates elements.</summary>
    public bool UnderToken => token is not null;

    /// <inheritdoc />
    public IReadOnlyCollection<XElement> GetAllElements() =>
        WithRecordedRevocations(Authenticates ? ReadAuthentic() : ReadFolder().Select(file => file.Element).ToList());

    /// <summary>The elements the certificate does not authenticate, read now; empty without a certificate.</summary>
    public IReadOnlyList<UnauthenticatedRingElement> FindUnauthenticated() => Authenticates ? Classify().Refused : [];

    /// <summary>Every element in the folder as stored, with its file name; empty when the folder does not exist (it is not created).</summary>
    internal IReadOnlyList<RingFile> ReadFolder()
    {
        directory.Refresh();
        return directory.Exists
            ? directory.EnumerateFiles("*.xml", SearchOption.TopDirectoryOnly).OrderBy(file => file.Name, StringComparer.Ordinal).Select(file => new RingFile(file.Name, Load(file))).ToList()
            : [];
    }

    /// <inheritdoc />
    public void StoreElement(XElement element, string friendlyName)
    {
        // Sealed by the token first, then signed: the signature covers the seal.
        var sealedElement = token is null ? element : RingElementTokenSeal.Seal(element, token);
        _files.StoreElement(certificate is null ? sealedElement : RingElementSignature.Sign(sealedElement, certificate), friendlyName);
    }

    /// <summary>Signs the element of <paramref name="fileName"/> in place, for a custodian who has checked that it is the ring's own (<c>keys sign-ring</c>).</summary>
    /// <exception cref="InvalidOperationException">No certificate is configured.</exception>
    public void Sign(string fileName)
    {
        var signer = certificate ?? throw new InvalidOperationException("Ring elements are signed only under a certificate.");
        var path = Path.Combine(directory.FullName, Path.GetFileName(fileName));
        var signed = RingElementSignature.Sign(Load(new FileInfo(path)), signer);

        // Written beside, then moved over: a crash leaves the old file or the new one, never half.
        var temporary = path + ".signing.tmp";
        signed.Save(temporary);
        File.Move(temporary, path, overwrite: true);
    }

    private List<XElement> ReadAuthentic()
    {
        var (authentic, refused) = Classify();
        foreach (var element in refusals.Record(refused))
        {
            LogElementRefused(_logger, element.FileName, element.Kind, element.KeyId, element.HasSignature);
        }

        return authentic.Select(file => RingElementTokenSeal.WithoutSeal(file.Element)).ToList();
    }

    // A revocation the database records stays in force when its file is gone (deleted to bring a
    // revoked key back): Data Protection is given the element it would have read from the file.
    // Only a key still in the folder makes the loss worth reporting.
    private List<XElement> WithRecordedRevocations(List<XElement> elements)
    {
        var inFolder = elements.Where(IsRevocation).Select(element => element.Element("key")?.Attribute("id")?.Value).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missing = revocations.Current.Where(revocation => !inFolder.Contains(revocation.Key.ToString())).ToList();
        elements.AddRange(missing.Select(revocation => RevocationOf(revocation.Key, revocation.Value)));

        var keysHeld = elements.Where(element => element.Name.LocalName == "key").Select(element => element.Attribute("id")?.Value).OfType<string>().ToHashSet(StringComparer.OrdinalIgnoreCase);
        var missingForKeysHeld = missing.Select(revocation => revocation.Key).Where(keyId => keysHeld.Contains(keyId.ToString())).Order().ToList();
        foreach (var keyId in revocations.RecordMissing(missingForKeysHeld))
        {
            LogRevocationMissing(_logger, keyId);
        }

        return elements;
    }

    private static bool IsRevocation(XElement element) => element.Name.LocalName == "revocation";

    // As Data Protection writes a revocation of one key.
    private static XElement RevocationOf(Guid keyId, DateTimeOffset revokedAt) =>
        new(
            "revocation",
            new XAttribute("version", 1),
            new XElement("revocationDate", revokedAt),
            new XElement("key", new XAttribute("id", keyId)),
            new XElement("reason", "Recorded in the database; its file is missing from the ring folder."));

    // A key that an authenticated revocation revokes is left out without a refusal: Data Protection
    // would use it for nothing new, and so a certificate key revoked after the ring moved to the
    // token may stay in the folder (and its backups) once the certificate is no longer set.
    private (List<RingFile> Authentic, List<UnauthenticatedRingElement> Refused) Classify()
    {
        var files = ReadFolder();
        var authentic = files.Where(file => IsAuthentic(file.Element)).ToList();
        var revoked = authentic
            .Where(file => IsRevocation(file.Element))
            .Select(file => file.Element.Element("key")?.Attribute("id")?.Value)
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var refused = files.Except(authentic)
            .Where(file => !(file.Element.Name.LocalName == "key" && file.Element.Attribute("id")?.Value is { } id && revoked.Contains(id)))
            .Select(Describe)
            .ToList();
        return (authentic, refused);
    }

    // Under a token, its seal; under a certificate (alone, or still set while a ring moves to the
    // token), its signature.
    private bool IsAuthentic(XElement element) =>
        (token is not null && RingElementTokenSeal.Verify(element, token))
        || (certificate is not null && RingElementSignature.Verify(element, certificate));

    private static XElement Load(FileInfo file)
    {
        using var stream = file.OpenRead();
        return XElement.Load(stream);
    }

    private UnauthenticatedRingElement Describe(RingFile file)
    {
        var element = file.Element;
        var keyId = IsRevocation(element)
            ? element.Element("key")?.Attribute("id")?.Value
            : element.Attribute("id")?.Value;
        return new UnauthenticatedRingElement(file.FileName, element.Name.LocalName, keyId ?? "unknown", RingElementSignature.IsSigned(element), UnderToken);
    }

    [LoggerMessage(EventId = 1043, EventName = "RingRevocationMissing", Level = LogLevel.Error, Message = "The ring folder holds ring key {KeyId} but not its revocation, which the database records; the key stays revoked. Run `keys revoke-master` for it again to write the file.")]
    private static partial void LogRevocationMissing(ILogger logger, Guid keyId);

    [LoggerMessage(EventId = 1041, EventName = "RingElementRefused", Level = LogLevel.Error, Message = "Refused the ring file {FileName}: its {Kind} for ring key {KeyId} is not authenticated by the ring certificate (signature present: {HasSignature}); it is ignored until removed.")]
    private static partial void LogElementRefused(ILogger logger, string fileName, string kind, string keyId, bool hasSignature);
}
