using BenchmarkDotNet.Attributes;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.Core;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Fields;
using CloudjetGraph.Core.KeyStore;
using CloudjetGraph.Core.Profiles;
using CloudjetGraph.Core.Protection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CloudjetGraph.Benchmarks;

/// <summary>
/// What a key per person costs a page read (issue 6, target: warm cache at least 0.95 of one fixed
/// key). Each benchmark reads the same 50 demo profiles from a real SQLite file and opens their seven
/// personal fields. The baseline opens copies of the same values sealed under one fixed key, a
/// substitute that exists only here; the others go through <see cref="PersonKeyStore"/> and
/// <see cref="ProfileSealer"/> as the gateway does, with the page's person keys cached (warm) or
/// evicted first so they come from the key store and are unwrapped (cold).
/// </summary>
[MemoryDiagnoser]
public class PersonKeyPageBenchmarks : IDisposable
{
    private const int PageSize = 50;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "cloudjet-bench-" + Guid.NewGuid().ToString("N"));
    private IHost _host = null!;
    private ProfileSealer _sealer = null!;
    private FieldCipher _cipher = null!;
    private PersonKeyStore _personKeys = null!;
    private PersonKeyCache _cache = null!;
    private PersonKey _fixedKey = null!;
    private Dictionary<(Guid Profile, ProfileField Field), byte[]> _underFixedKey = [];
    private Guid[] _pageIds = [];

    [GlobalSetup]
    public void Setup()
    {
        // The gateway's own settings (field matrix, limits), then this run's folder.
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
        builder.Configuration.AddJsonFile(GatewaySettings.Path(), optional: false);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Cloudjet"] = $"Data Source={Path.Combine(_folder, "cloudjet.db")}",
            ["DataProtection:KeyRingPath"] = Path.Combine(_folder, "keys"),
        });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddCloudjetCore(builder.Configuration);
        _host = builder.Build();

        // The gateway's own startup: migrations, a development ring, demo profiles and their person keys.
        _host.Services.InitializeCloudjetAsync().GetAwaiter().GetResult();
        _sealer = _host.Services.GetRequiredService<ProfileSealer>();
        _cipher = _host.Services.GetRequiredService<FieldCipher>();
        _personKeys = _host.Services.GetRequiredService<PersonKeyStore>();
        _cache = _host.Services.GetRequiredService<PersonKeyCache>();
        _fixedKey = _host.Services.GetRequiredService<PersonKeyWrapper>().Create(Guid.Empty).Key;

        var page = ReadPageAsync().GetAwaiter().GetResult();
        _pageIds = [.. page.Select(p => p.Id)];
        _personKeys.LoadAsync(_pageIds, CancellationToken.None).GetAwaiter().GetResult();
        _underFixedKey = page
            .SelectMany(profile => ProfileFields.Sealed.Select(field => (profile, field, value: _sealer.Open(profile, field))))
            .Where(entry => entry.value is not null)
            .ToDictionary(entry => (entry.profile.Id, entry.field), entry => _cipher.Seal(entry.value!, _fixedKey, Binding(entry.profile.Id, entry.field)));
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _host.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true)]
    public async Task<int> OneFixedKey()
    {
        var characters = 0;
        foreach (var profile in await ReadPageAsync())
        {
            foreach (var field in ProfileFields.Sealed)
            {
                if (_underFixedKey.TryGetValue((profile.Id, field), out var sealedValue))
                {
                    characters += _cipher.Open(sealedValue, _fixedKey, Binding(profile.Id, field)).Length;
                }
            }
        }

        return characters;
    }

    [Benchmark]
    public Task<int> PersonKeysWarm() => OpenPageAsync();

    [Benchmark]
    public Task<int> PersonKeysCold()
    {
        foreach (var id in _pageIds)
        {
            _cache.Remove(id);
        }

        return OpenPageAsync();
    }

    private async Task<int> OpenPageAsync()
    {
        var page = await ReadPageAsync();
        await _personKeys.LoadAsync(page.Select(p => p.Id), CancellationToken.None);
        var characters = 0;
        foreach (var profile in page)
        {
            foreach (var field in ProfileFields.Sealed)
            {
                characters += _sealer.Open(profile, field)?.Length ?? 0;
            }
        }

        return characters;
    }

    // The same query for every benchmark, so the ratio isolates the keys.
    private async Task<List<Profile>> ReadPageAsync()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CloudjetDbContext>();
        return await db.Profiles.AsNoTracking().OrderBy(p => p.Id).Take(PageSize).ToListAsync();
    }

    private static FieldBinding Binding(Guid profileId, ProfileField field) => new(ProfileSealer.Table, ProfileSealer.ColumnName(field), profileId);
}
