using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.Protection;

namespace CloudjetGraph.UnitTests.Protection;

/// <summary>Which certificate files may protect the key ring, and how a refusal names its setting.</summary>
public sealed class KeyRingCertificateTests : IDisposable
{
    private const string Password = "unit test password";
    private readonly string _directory = Directory.CreateTempSubdirectory("cloudjet-certificate-").FullName;

    [Fact]
    public void Load_NoPathSet_IsNotConfigured()
    {
        var certificate = KeyRingCertificate.Load(new ProtectionOptions { CertificatePath = " " });

        Assert.False(certificate.IsConfigured);
        Assert.Null(certificate.Certificate);
        certificate.ThrowIfUnusable();
    }

    [Fact]
    public void Load_RsaPkcs12WithItsPassword_GivesTheCertificateWithItsPrivateKey()
    {
        using var rsa = RSA.Create(2048);
        var path = Write("rsa.pfx", SelfSigned(new CertificateRequest("CN=ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)), Password);

        var certificate = KeyRingCertificate.Load(new ProtectionOptions { CertificatePath = path, CertificatePassword = Password });

        Assert.True(certificate.IsConfigured);
        Assert.Equal("CN=ring", certificate.Certificate!.Subject);
        Assert.True(certificate.Certificate.HasPrivateKey);
    }

    [Fact]
    public void Load_MissingFile_RefusesNamingCertificatePath()
    {
        var path = Path.Combine(_directory, "absent.pfx");

        var certificate = KeyRingCertificate.Load(new ProtectionOptions { CertificatePath = path, CertificatePassword = Password });

        Assert.True(certificate.IsConfigured);
        Assert.Null(certificate.Certificate);
        var refusal = Assert.Throws<KeyRingUnavailableException>(certificate.ThrowIfUnusable);
        Assert.Equal($"The key ring certificate '{path}' (DataProtection:CertificatePath) does not exist.", refusal.Message);
    }

    [Fact]
    public void Load_WrongPassword_RefusesNamingThePasswordSettingButNotThePassword()
    {
        using var rsa = RSA.Create(2048);
        var path = Write("rsa.pfx", SelfSigned(new CertificateRequest("CN=ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)), Password);

        var certificate = KeyRingCertificate.Load(new ProtectionOptions { CertificatePath = path, CertificatePassword = "a guessed password" });

        var refusal = Assert.Throws<KeyRingUnavailableException>(certificate.ThrowIfUnusable);
        Assert.Contains("DataProtection:CertificatePassword", refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("guessed", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EcdsaCertificate_RefusesAsItCannotEncryptRingKeys()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var path = Write("ecdsa.pfx", SelfSigned(new CertificateRequest("CN=ring", ecdsa, HashAlgorithmName.SHA256)), Password);

        var certificate = KeyRingCertificate.Load(new ProtectionOptions { CertificatePath = path, CertificatePassword = Password });

        Assert.Null(certificate.Certificate);
        Assert.Contains("must hold an RSA key pair", Assert.Throws<KeyRingUnavailableException>(certificate.ThrowIfUnusable).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_PublicCertificateOnly_RefusesAsItCouldNeverDecrypt()
    {
        using var rsa = RSA.Create(2048);
        using var full = SelfSigned(new CertificateRequest("CN=ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        using var publicOnly = X509CertificateLoader.LoadCertificate(full.RawData);
        var path = Write("public.pfx", publicOnly, Password);

        var certificate = KeyRingCertificate.Load(new ProtectionOptions { CertificatePath = path, CertificatePassword = Password });

        Assert.Null(certificate.Certificate);
        Assert.Contains("with its private key", Assert.Throws<KeyRingUnavailableException>(certificate.ThrowIfUnusable).Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static X509Certificate2 SelfSigned(CertificateRequest request) =>
        request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(1));

    private string Write(string name, X509Certificate2 certificate, string password)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllBytes(path, certificate.ExportPkcs12(Pkcs12ExportPbeParameters.Pbes2Aes256Sha256, password));
        return path;
    }
}
