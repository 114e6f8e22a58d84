using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Protection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CloudjetGraph.UnitTests.Protection;

/// <summary>
/// A real key ring with one active field-encryption, blind-index and row-integrity key each, and the
/// cipher, index and access tag built on it. Each test gets fresh random keys; nothing is mocked.
/// </summary>
internal sealed class TestKeys : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public TestKeys()
    {
        MeterFactory = _services.GetRequiredService<IMeterFactory>();
        Metrics = new ProtectionMetrics(MeterFactory);
        Ring.Load([FieldKey, IndexKey, IntegrityKey]);
        Cipher = new FieldCipher(Ring, Metrics);
        Index = new BlindIndex(Ring);
        AccessTag = new ProfileAccessTag(Ring, NullLogger<ProfileAccessTag>.Instance);
    }

    public UnwrappedDataKey FieldKey { get; } = NewKey(DataKeyPurpose.FieldEncryption);

    public UnwrappedDataKey IndexKey { get; } = NewKey(DataKeyPurpose.BlindIndex);

    public UnwrappedDataKey IntegrityKey { get; } = NewKey(DataKeyPurpose.RowIntegrity);

    public DataKeyRing Ring { get; } = new();

    public IMeterFactory MeterFactory { get; }

    public ProtectionMetrics Metrics { get; }

    public FieldCipher Cipher { get; }

    public BlindIndex Index { get; }

    public ProfileAccessTag AccessTag { get; }

    /// <summary>A fresh random 256-bit data key.</summary>
    public static UnwrappedDataKey NewKey(DataKeyPurpose purpose, bool isActive = true) =>
        new(Guid.CreateVersion7(), purpose, RandomNumberGenerator.GetBytes(32), isActive, DevelopmentOnly: true);

    /// <summary>A binding for a fresh profile row.</summary>
    public static FieldBinding NewBinding(string column = "fullName") => new("profiles", column, Guid.CreateVersion7());

    public void Dispose()
    {
        Cipher.Dispose();
        _services.Dispose();
    }
}
