using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using CloudjetGraph.Core.KeyStore;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.Core.Protection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CloudjetGraph.UnitTests.Protection;

/// <summary>
/// A real key ring with one active person-key wrapping, blind-index and row-integrity key each, the
/// cipher, wrapper, index and access tag built on it, and a person key per row. Each test gets fresh
/// random keys; nothing is mocked.
/// </summary>
internal sealed class TestKeys : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly ConcurrentDictionary<Guid, PersonKey> _personKeys = new();

    public TestKeys()
    {
        MeterFactory = _services.GetRequiredService<IMeterFactory>();
        Metrics = new ProtectionMetrics(MeterFactory);
        Ring.Load([WrappingKey, IndexKey, IntegrityKey]);
        Cipher = new FieldCipher(Metrics);
        Wrapper = new PersonKeyWrapper(Ring, TimeProvider.System);
        Index = new BlindIndex(Ring);
        AccessTag = new ProfileAccessTag(Ring, NullLogger<ProfileAccessTag>.Instance);
    }

    public UnwrappedDataKey WrappingKey { get; } = NewKey(DataKeyPurpose.PersonKeyWrapping);

    public UnwrappedDataKey IndexKey { get; } = NewKey(DataKeyPurpose.BlindIndex);

    public UnwrappedDataKey IntegrityKey { get; } = NewKey(DataKeyPurpose.RowIntegrity);

    public DataKeyRing Ring { get; } = new();

    public IMeterFactory MeterFactory { get; }

    public ProtectionMetrics Metrics { get; }

    public FieldCipher Cipher { get; }

    public PersonKeyWrapper Wrapper { get; }

    public BlindIndex Index { get; }

    public ProfileAccessTag AccessTag { get; }

    /// <summary>A fresh random 256-bit data key.</summary>
    public static UnwrappedDataKey NewKey(DataKeyPurpose purpose, bool isActive = true) =>
        new(Guid.CreateVersion7(), purpose, RandomNumberGenerator.GetBytes(32), isActive, DevelopmentOnly: true);

    /// <summary>A binding for a fresh profile row.</summary>
    public static FieldBinding NewBinding(string column = "fullName") => new("profiles", column, Guid.CreateVersion7());

    /// <summary>The person key of the binding's row, made on first use.</summary>
    public PersonKey KeyFor(FieldBinding binding) => _personKeys.GetOrAdd(binding.RowId, rowId => Wrapper.Create(rowId).Key);

    public void Dispose() => _services.Dispose();
}
