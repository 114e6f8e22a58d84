using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using CloudjetGraph.Core.Data;
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
