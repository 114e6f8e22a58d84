using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using CloudjetGraph.Core.KeyStore;
using CloudjetGraph.Core.Protection;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.Benchmarks;

/// <summary>
/// Why personal fields are sealed with AES-GCM under unwrapped (person) keys rather than with one
/// Data Protection call each (DESIGN.md, encryption at rest). Each category's baseline is the
/// Data Protection call, measured in the same run. The baseline is generous to Data Protection:
/// it uses one protector for every value, so it binds no value to its row and column.
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class FieldSealingBenchmarks : IDisposable
{
    private const int PageProfiles = 50;
    private const int SealedColumns = 7;
    private const string TypicalValue = "Nguyễn Thị Phương Thảo";

    private ServiceProvider _services = null!;
    private IDataProtector _protector = null!;
    private FieldCipher _cipher = null!;
    private PersonKey _personKey = null!;
    private readonly FieldBinding _binding = new("profiles", "fullName", Guid.CreateVersion7());
    private byte[] _plainBytes = [];
    private byte[] _protected = [];
    private byte[] _sealed = [];
    private AesGcm _rawAes = null!;
    private byte[] _rawAssociatedData = [];
    private byte[] _rawPlaintext = [];
    private (byte[] Protected, byte[] Sealed, FieldBinding Binding)[] _page = [];

    [GlobalSetup]
    public void Setup()
    {
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        _protector = new EphemeralDataProtectionProvider().CreateProtector("CloudjetGraph.Benchmarks");
        var ring = new DataKeyRing();
        ring.Load([new UnwrappedDataKey(Guid.CreateVersion7(), DataKeyPurpose.PersonKeyWrapping, RandomNumberGenerator.GetBytes(32), IsActive: true, DevelopmentOnly: true)]);
        _cipher = new FieldCipher(new ProtectionMetrics(_services.GetRequiredService<IMeterFactory>()));

        // One person key for every value: this measures the cipher, not the key store.
        _personKey = new PersonKeyWrapper(ring, TimeProvider.System).Create(_binding.RowId).Key;

        _plainBytes = Encoding.UTF8.GetBytes(TypicalValue);
        _protected = _protector.Protect(_plainBytes);
        _sealed = _cipher.Seal(TypicalValue, _personKey, _binding);

        // The raw baseline: the same sealed bytes, the same person key, the same associated data
        // (built once here), and nothing else: no header checks, no key pool, no string.
        _rawAes = new AesGcm(_personKey.Material, PersonKey.TagSize);
        _rawAssociatedData = Encoding.UTF8.GetBytes($"{FieldBinding.AssociatedDataPrefix}|v{SealedValueFormat.CurrentVersion}|{_binding.Table}|{_binding.Column}|{_binding.RowId:N}");
        _rawPlaintext = new byte[_plainBytes.Length];
        RawAesGcmDecrypt();
        if (!_rawPlaintext.AsSpan().SequenceEqual(_plainBytes))
        {
            throw new InvalidOperationException("The raw baseline does not open the sealed value.");
        }

        _page = [.. Enumerable.Range(0, PageProfiles * SealedColumns).Select(i =>
        {
            var binding = new FieldBinding("profiles", $"column{i % SealedColumns}", Guid.CreateVersion7());
            return (_protector.Protect(_plainBytes), _cipher.Seal(TypicalValue, _personKey, binding), binding);
        })];
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _services.Dispose();
        _rawAes.Dispose();
        GC.SuppressFinalize(this);
    }

    [BenchmarkCategory("Seal one field"), Benchmark(Baseline = true)]
    public byte[] DataProtectionProtect() => _protector.Protect(Encoding.UTF8.GetBytes(TypicalValue));

    [BenchmarkCategory("Seal one field"), Benchmark]
    public byte[] FieldCipherSeal() => _cipher.Seal(TypicalValue, _personKey, _binding);

    [BenchmarkCategory("Open one field"), Benchmark(Baseline = true)]
    public string DataProtectionUnprotect() => Encoding.UTF8.GetString(_protector.Unprotect(_protected));

    [BenchmarkCategory("Open one field"), Benchmark]
    public string FieldCipherOpen() => _cipher.Open(_sealed, _personKey, _binding);

    [BenchmarkCategory("Open one field against raw AES-GCM"), Benchmark(Baseline = true)]
    public byte[] RawAesGcmDecrypt()
    {
        var span = _sealed.AsSpan();
        _rawAes.Decrypt(
            span.Slice(1 + SealedValueFormat.KeyIdSize, SealedValueFormat.NonceSize),
            span[SealedValueFormat.HeaderSize..^SealedValueFormat.TagSize],
            span[^SealedValueFormat.TagSize..],
            _rawPlaintext,
            _rawAssociatedData);
        return _rawPlaintext;
    }

    // The same call as FieldCipherOpen, in the raw baseline's category so that its ratio reads directly.
    [BenchmarkCategory("Open one field against raw AES-GCM"), Benchmark]
    public string FieldCipherOpenBesideRaw() => _cipher.Open(_sealed, _personKey, _binding);

    [BenchmarkCategory("Open a page of 50 profiles x 7 fields"), Benchmark(Baseline = true)]
    public int DataProtectionUnprotectPage()
    {
        var characters = 0;
        foreach (var value in _page)
        {
            characters += Encoding.UTF8.GetString(_protector.Unprotect(value.Protected)).Length;
        }

        return characters;
    }

    [BenchmarkCategory("Open a page of 50 profiles x 7 fields"), Benchmark]
    public int FieldCipherOpenPage()
    {
        var characters = 0;
        foreach (var value in _page)
        {
            characters += _cipher.Open(value.Sealed, _personKey, value.Binding).Length;
        }

        return characters;
    }
}
