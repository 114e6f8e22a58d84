using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using CloudjetGraph.Core.Protection;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>
/// The attack of issue 17, item 5, as someone who can write the ring folder but holds no private
/// key would make it: the public certificate copied out of an existing key file, a fresh ring key
/// made and encrypted to it by Data Protection itself, and the file dropped into the ring.
/// </summary>
public static class PlantedRingKey
{
    private static readonly XName X509CertificateName = XName.Get("X509Certificate", "http://www.w3.org/2000/09/xmldsig#");

    /// <summary>Plants a key active from now (so it would be the newest, default key) into <paramref name="ringPath"/>.</summary>
    /// <returns>The planted key's id and file name.</returns>
    public static (Guid KeyId, string FileName) Plant(string ringPath)
    {
        using var publicCertificate = EmbeddedCertificate(ringPath);
        Assert.False(publicCertificate.HasPrivateKey);
        var workshop = Directory.CreateTempSubdirectory("cloudjet-attacker-");
        try
        {
            var services = new ServiceCollection().AddLogging();
            services.AddDataProtection()
                .SetApplicationName(ProtectionOptions.ApplicationName)
                .PersistKeysToFileSystem(workshop)
                .ProtectKeysWithCertificate(publicCertificate)
                .DisableAutomaticKeyGeneration();
            IKey key;
            using (var provider = services.BuildServiceProvider())
            {
                var now = DateTimeOffset.UtcNow;
                key = provider.GetRequiredService<IKeyManager>().CreateNewKey(now, now.AddDays(90));
            }

            var made = Assert.Single(workshop.GetFiles());
            Assert.Contains("<encryptedSecret", File.ReadAllText(made.FullName), StringComparison.Ordinal);
            made.CopyTo(Path.Combine(ringPath, made.Name));
            return (key.KeyId, made.Name);
        }
        finally
        {
            workshop.Delete(recursive: true);
        }
    }

    // Every certificate-protected key file carries the certificate (XML encryption's KeyInfo).
    private static X509Certificate2 EmbeddedCertificate(string ringPath)
    {
        var embedded = Directory.GetFiles(ringPath, "key-*.xml")
            .SelectMany(path => XElement.Load(path).Descendants(X509CertificateName))
            .First().Value;
        return X509CertificateLoader.LoadCertificate(Convert.FromBase64String(embedded));
    }
}
