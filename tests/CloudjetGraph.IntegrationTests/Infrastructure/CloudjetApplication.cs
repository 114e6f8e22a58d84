using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Authentication;
using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.KeyStore;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>
/// The real gateway host in Development, on its own SQLite file and key ring in a temporary
/// directory, with every log line captured.
/// </summary>
public class CloudjetApplication : WebApplicationFactory<Program>, IAsyncLifetime
{
    private static readonly string[] DebugCategories = ["CloudjetGraph", "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore.Authentication"];
    private static readonly string[] RaisedRateLimits = ["LoginsPerAccountPerMinute", "LoginsPerAddressPerMinute", "SignUpsPerAddressPerMinute", "PersonalRecordsPerMinute"];
    private readonly Dictionary<string, string?> _settings = [];
    private bool _started;

    /// <summary>Where the database and key ring live; a new temporary directory unless given.</summary>
    public string DataDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "cloudjet-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Keeps the data directory after disposal, for a later host to restart on it.</summary>
    public bool KeepData { get; init; }

    public string DatabasePath => Path.Combine(DataDirectory, "cloudjet.db");

    public string KeyRingPath => Path.Combine(DataDirectory, "keys");

    /// <summary>The key store: by default a file beside the key ring, which this host leaves unset on purpose.</summary>
    public string KeyStorePath => Path.Combine(DataDirectory, "keys.db");

    public string EnvironmentName { get; init; } = "Development";

    /// <summary>The host's clock, e.g. a <c>FakeTimeProvider</c>; the system clock unless given.</summary>
    public TimeProvider? Clock { get; init; }

    public CapturedLogs Logs { get; } = new();

    /// <summary>Overrides one setting before the host starts.</summary>
    public CloudjetApplication With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>The staff responses with personal data this host served, checked against the audit trail on disposal.</summary>
    public StaffReleases StaffReleases { get; } = new();

    /// <summary>Set by a test that damages the audit trail on purpose: disposal then skips the trail checks.</summary>
    public bool TrailTampered { get; set; }

    public GraphQLClient Client(string? token = null) => new(CreateClient(), token, StaffReleases);

    /// <summary>A staff token signed like the CLI signs it.</summary>
    public string StaffToken(Role role, string subject)
    {
        var token = Services.GetRequiredService<TokenIssuer>().Issue(subject, role, TimeSpan.FromMinutes(30)).Token;
        StaffReleases.Minted(token, role, subject);
        return token;
    }

    /// <summary>Runs raw SQL against the database file, bypassing the gateway. Guid parameters are stored ids.</summary>
    public async Task<int> ExecuteSqlAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            // EF Core stores a Guid on SQLite as upper-case text; match that, not the driver's default.
            command.Parameters.AddWithValue(name, value is Guid id ? id.ToString().ToUpperInvariant() : value);
        }

        return await command.ExecuteNonQueryAsync();
    }

    public T WithDb<T>(Func<CloudjetDbContext, T> read)
    {
        using var scope = Services.CreateScope();
        return read(scope.ServiceProvider.GetRequiredService<CloudjetDbContext>());
    }

    public T WithKeyStore<T>(Func<KeyStoreDbContext, T> read)
    {
        using var keyStore = Services.GetRequiredService<IDbContextFactory<KeyStoreDbContext>>().CreateDbContext();
        return read(keyStore);
    }

    public virtual Task InitializeAsync()
    {
        // Starts the host now, so startup failures surface in the fixture.
        _ = Server;
        return Task.CompletedTask;
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public override async ValueTask DisposeAsync()
    {
        // The privacy check of the whole run: no host's logs may hold a personal value or a token.
        var personalValues = _started ? StoredPersonalValues.All(Services) : [];

        // The audit check of the whole run: every staff read has its entry, and the chain holds.
        if (_started && !TrailTampered && File.Exists(DatabasePath))
        {
            await using var scope = Services.CreateAsyncScope();
            StaffReleases.AssertAudited(scope.ServiceProvider.GetRequiredService<CloudjetDbContext>());
            var verification = await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync(null, CancellationToken.None);
            Assert.True(verification.IsIntact, $"The audit trail broke at entry {verification.FirstBad}: {verification.Problem}.");
        }

        await base.DisposeAsync();
        LogPrivacy.AssertClean(Logs.Lines, personalValues);
        GC.SuppressFinalize(this);
        SqliteConnection.ClearAllPools();
        if (KeepData)
        {
            return;
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a temporary directory behind.
        }
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        _started = true;
        return host;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(DataDirectory);
        _settings.TryAdd("ConnectionStrings:Cloudjet", $"Data Source={DatabasePath}");
        _settings.TryAdd("DataProtection:KeyRingPath", KeyRingPath);
        // One test host sends every request from one (null) address and logs in often: only the
        // rate-limit tests, which set their own low values, should meet these limits.
        foreach (var limit in RaisedRateLimits)
        {
            _settings.TryAdd($"RateLimits:{limit}", "1000000");
        }

        builder.UseEnvironment(EnvironmentName);
        if (Clock is { } clock)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }

        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging =>
        {
            // Beyond what the gateway's own settings log, capture its code, EF Core and token
            // validation down to Debug, where a leak would hide.
            logging.AddProvider(Logs);
            foreach (var category in DebugCategories)
            {
                logging.AddFilter<CapturedLogs>(category, LogLevel.Debug);
            }
        });
    }
}
