using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Xml.Linq;
using CloudjetGraph.Core.Protection;

namespace CloudjetGraph.UnitTests.Protection;

/// <summary>
/// The signature that authenticates a ring element: it verifies with the signing certificate only,
/// covers every part of the element (id, dates, secret), survives the file's indentation, and a
/// second or misplaced signature is refused.
/// </summary>
public sealed class RingElementSignatureTests : IDisposable
{
    private readonly X509Certificate2 _ring = NewCertificate();
    private readonly X509Certificate2 _other = NewCertificate();

    [Fact]
    public void Verify_SignedWithTheRingCertificateAndSavedIndented_IsTrue()
    {
        var signed = RingElementSignature.Sign(NewKeyElement(), _ring);

        var reloaded = XElement.Parse(signed.ToString(SaveOptions.None));

        Assert.True(RingElementSignature.Verify(reloaded, _ring));
        Assert.Equal(NewKeyElement().ToString(), RingElementSignature.WithoutSignature(reloaded).ToString());
    }

    [Fact]
    public void Verify_Unsigned_IsFalse() => Assert.False(RingElementSignature.Verify(NewKeyElement(), _ring));

    [Fact]
    public void Verify_SignedWithAnotherCertificate_IsFalse() =>
        Assert.False(RingElementSignature.Verify(RingElementSignature.Sign(NewKeyElement(), _other), _ring));

    [Theory]
    [InlineData("activationDate")]
    [InlineData("value")]
    public void Verify_AnElementChangedAfterSigning_IsFalse(string changed)
    {
        var signed = RingElementSignature.Sign(NewKeyElement(), _ring);

        signed.Descendants(changed).Single().Value = "2031-01-01T00:00:00Z";

        Assert.False(RingElementSignature.Verify(signed, _ring));
    }

    [Fact]
    public void Verify_KeyIdChangedAfterSigning_IsFalse()
    {
        var signed = RingElementSignature.Sign(NewKeyElement(), _ring);

        signed.SetAttributeValue("id", "22222222-2222-2222-2222-222222222222");

        Assert.False(RingElementSignature.Verify(signed, _ring));
    }

    [Fact]
    public void Verify_ASecondSignatureCopiedIn_IsFalse()
    {
        var signed = RingElementSignature.Sign(NewKeyElement(), _ring);
        var signature = signed.Elements().Last();

        signed.Add(new XElement(signature));

        Assert.False(RingElementSignature.Verify(signed, _ring));
    }

    public void Dispose()
    {
        _ring.Dispose();
        _other.Dispose();
    }

    private static XElement NewKeyElement() =>
        new(
            "key",
            new XAttribute("id", "11111111-1111-1111-1111-111111111111"),
            new XAttribute("version", "1"),
            new XElement("creationDate", "2026-12-05T08:00:00Z"),
            new XElement("activationDate", "2026-12-05T08:00:00Z"),
            new XElement("expirationDate", "2027-12-05T08:00:00Z"),
            new XElement("descriptor", new XElement("encryptedSecret", new XElement("value", "c2VjcmV0"))));

    private static X509Certificate2 NewCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
    }
}
