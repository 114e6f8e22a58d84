using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Authentication;
using CloudjetGraph.Core.Authorization;
using System.Data.Common;
using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using System.Text;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.KeyStore;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>
/// The real gateway host in Development, on its own key ring in a temporary directory and its own
/// databases: SQLite files in that directory, or on a PostgreSQL run (<see cref="TestDatabase"/>)
/// two databases on the test server named after the directory, dropped on disposal. Every log line is captured.
/// </summary>
public class CloudjetApplication : WebApplicationFactory<Program>, IAsyncLifetime
{
    private static readonly string[] DebugCategories = ["CloudjetGraph", "Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore.Authentication"];
    private static readonly string[] RaisedRateLimits = ["LoginsPerAccountPerMinute", "LoginsPerAddressPerMinute", "SignUpsPerAddressPerMinute", "PersonalRecordsPerMinute", "AuthorityExportsPerDay"];
    private readonly Dictionary<string, string?> _settings = [];
    private bool _started;
    private Exception? _refusedSettings;

    /// <summary>Where the database and key ring live; a new temporary directory unless given.</summary>
    public string DataDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "cloudjet-tests", Guid.NewGuid().ToString("N"));

    /// <summary>Keeps the data directory after disposal, for a later host to restart on it.</summary>
    public bool KeepData { get; init; }

    public string DatabasePath => Path.Combine(DataDirectory, "cloudjet.db");

    /// <summary>The provider of this host's databases: the run's.</summary>
    internal DatabaseProvider Provider { get; } = TestDatabase.Provider;

    /// <summary>
    /// On PostgreSQL, the profile database's name (the key store's adds <c>_keys</c>): derived from
    /// <see cref="DataDirectory"/>, so that a host restarted on kept data finds its databases again.
    /// </summary>
    public string DatabaseName => TestDatabase.DatabaseNameFor(DataDirectory);

    /// <summary>The profile database's connection string, as the gateway is given it.</summary>
    public string ConnectionString => DatabaseSettings()["ConnectionStrings:Cloudjet"]!;

    /// <summary>The settings that put a gateway or the Cli on this host's databases (the key ring aside).</summary>
    public Dictionary<string, string?> DatabaseSettings() => TestDatabase.SettingsFor(DataDirectory);

    public string KeyRingPath => Path.Combine(DataDirectory, "keys");

    /// <summary>The key store: by default a file beside the key ring, which this host leaves unset on purpose.</summary>
    public string KeyStorePath => Path.Combine(DataDirectory, "keys.db");

    public string EnvironmentName { get; init; } = "Development";

    /// <summary>The host's clock, e.g. a <c>FakeTimeProvider</c>; the system clock unless given.</summary>
    public TimeProvider? Clock { get; init; }

    /// <summary>
    /// Whether the host may start on a copy of the run's <see cref="TemplateData"/> instead of
    /// migrating, making a ring and seeding itself (true unless set). It does only where that is
    /// all its startup would do: in Development, on the system clock, in a new data directory and
    /// with no setting that changes what startup makes (<see cref="StartupSections"/>). A test of
    /// the first start itself (migrations, ring creation, seeding) starts fresh anyway, or sets this to false.
    /// </summary>
    public bool FromTemplate { get; init; } = true;

    // Settings read while the databases, the ring and the demo data are made.
    private static readonly string[] StartupSections = ["ConnectionStrings", "Database", "DataProtection", "KeyStore", "KeyLifecycle", "KeyJobs", "Policy"];

    /// <summary>
    /// The password hash's iteration count on test hosts: the production cost (100,000 rounds of
    /// PBKDF2) made each sign-up and login cost tens of milliseconds, thousands of times a run.
    /// </summary>
    public const int TestPasswordIterations = 1_000;

    /// <summary>Keeps the gateway's own password hashing cost instead of <see cref="TestPasswordIterations"/>.</summary>
    public bool ProductionPasswordHashing { get; init; }

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

    /// <summary>A staff token of a role of the default configuration, signed like the CLI signs it.</summary>
    public string StaffToken(DefaultRole role, string subject) => StaffToken(role.AsRole(), subject);

    /// <summary>A staff token of any configured role, signed like the CLI signs it.</summary>
    public string StaffToken(Role role, string subject)
    {
        var token = Services.GetRequiredService<TokenIssuer>().Issue(subject, role, TimeSpan.FromMinutes(30)).Token;
        StaffReleases.Minted(token, role.Name, subject);
        return token;
    }

    /// <summary>
    /// Runs raw SQL against the profile database, bypassing the gateway. Guid parameters are stored
    /// ids. Written in SQLite's dialect; on PostgreSQL names are quoted (<see cref="PostgresSql"/>).
    /// </summary>
    public Task<int> ExecuteSqlAsync(string sql, params (string Name, object Value)[] parameters) =>
        ExecuteAsync(OpenDatabaseAsync, ProfileDatabaseNames.Value, sql, parameters);

    /// <summary>As <see cref="ExecuteSqlAsync"/>, on the key store; also after the host was disposed.</summary>
    public Task<int> ExecuteKeyStoreSqlAsync(string sql, params (string Name, object Value)[] parameters) =>
        ExecuteAsync(OpenKeyStoreAsync, KeyStoreNames.Value, sql, parameters);

    private async Task<int> ExecuteAsync(Func<Task<DbConnection>> open, IReadOnlySet<string> storedNames, string sql, (string Name, object Value)[] parameters)
    {
        var postgres = Provider == DatabaseProvider.Postgres;
        if (postgres)
        {
            sql = PostgresSql.Translate(sql, storedNames);
        }

        await using var connection = await open();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = postgres ? name.TrimStart('$') : name;

            // EF Core stores a Guid on SQLite as upper-case text; match that, not the driver's default.
            parameter.Value = !postgres && value is Guid id ? id.ToString().ToUpperInvariant() : value;
            command.Parameters.Add(parameter);
        }

        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>An open connection to the profile database, outside the gateway's pool.</summary>
    public async Task<DbConnection> OpenDatabaseAsync()
    {
        DbConnection connection = Provider == DatabaseProvider.Postgres
            ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = false }.ToString())
            : new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>An open connection to the key store, outside the gateway's pool.</summary>
    public async Task<DbConnection> OpenKeyStoreAsync()
    {
        DbConnection connection = Provider == DatabaseProvider.Postgres
            ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(DatabaseSettings()["ConnectionStrings:CloudjetKeys"]) { Pooling = false }.ToString())
            : new SqliteConnection($"Data Source={KeyStorePath};Pooling=False");
        await connection.OpenAsync();
        return connection;
    }

    // Table and column names from each model, which needs no database: usable after disposal too.
    private static readonly Lazy<HashSet<string>> ProfileDatabaseNames = new(() =>
    {
        using var db = new CloudjetDbContext(new DbContextOptionsBuilder<CloudjetDbContext>().UseSqlite("Data Source=:memory:").Options);
        return StoredNames(db);
    });

    private static readonly Lazy<HashSet<string>> KeyStoreNames = new(() =>
    {
        using var db = new KeyStoreDbContext(new DbContextOptionsBuilder<KeyStoreDbContext>().UseSqlite("Data Source=:memory:").Options);
        return StoredNames(db);
    });

    private static HashSet<string> StoredNames(DbContext db) => db.Model.GetEntityTypes()
        .SelectMany(entity => entity.GetProperties().Select(property => property.GetColumnName()).Append(entity.GetTableName()))
        .OfType<string>()
        .ToHashSet(StringComparer.Ordinal);

    /// <summary>Closes the denial window now, appending its summaries (test hosts never close it on a timer).</summary>
    public Task FlushDenialsAsync() => Services.GetRequiredService<DenialAggregator>().FlushAsync(CancellationToken.None);

    /// <summary>Walks the audit trail as <c>audit verify</c> does, with the gateway's loaded key ring.</summary>
    public async Task<AuditVerification> VerifyTrailAsync()
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync(null, CancellationToken.None);
    }

    public T WithDb<T>(Func<CloudjetDbContext, T> read)
    {
        using var scope = Services.CreateScope();
        return read(scope.ServiceProvider.GetRequiredService<CloudjetDbContext>());
    }

    /// <summary>As <see cref="WithDb"/> for asynchronous work: the context lives until it is done (Npgsql is truly asynchronous).</summary>
    public async Task<T> WithDbAsync<T>(Func<CloudjetDbContext, Task<T>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        await using var scope = Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<CloudjetDbContext>());
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
        var personalValues = _started ? await StoredPersonalValues.AllAfterLoadingKeysAsync(Services) : [];

        // The audit check of the whole run: every staff read has its entry, and the chain holds.
        if (_started && !TrailTampered && (Provider == DatabaseProvider.Postgres || File.Exists(DatabasePath)))
        {
            await using var scope = Services.CreateAsyncScope();
            StaffReleases.AssertAudited(scope.ServiceProvider.GetRequiredService<CloudjetDbContext>());
            var verification = await VerifyTrailAsync();
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

        if (Provider == DatabaseProvider.Postgres)
        {
            await DropDatabasesAsync();
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

    // Its two databases and any restored backup of them, which share the name as a prefix. WITH
    // (FORCE): a pooled connection of this host, or of a Cli run on it, may still be open.
    private async Task DropDatabasesAsync()
    {
        // Idle pooled connections closed first: DROP … WITH (FORCE) ends them too, but then waits
        // in steps of 100 ms for their sessions to go.
        foreach (var connectionString in new[] { ConnectionString, DatabaseSettings()["ConnectionStrings:CloudjetKeys"]! })
        {
            await using var pooled = new NpgsqlConnection(connectionString);
            NpgsqlConnection.ClearPool(pooled);
        }

        await using var server = await TestDatabase.OpenServerAsync();
        var names = new List<string>();
        await using (var list = server.CreateCommand())
        {
            list.CommandText = "SELECT datname FROM pg_database WHERE starts_with(datname, @prefix)";
            list.Parameters.AddWithValue("prefix", DatabaseName);
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                names.Add(reader.GetString(0));
            }
        }

        foreach (var name in names)
        {
            await using var drop = server.CreateCommand();
            drop.CommandText = $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)";
            await drop.ExecuteNonQueryAsync();
        }
    }

    private bool StartsOnTemplate() =>
        FromTemplate
        && EnvironmentName == Environments.Development
        && Clock is null
        && !_settings.Keys.Any(key => StartupSections.Any(section => key.StartsWith(section + ":", StringComparison.OrdinalIgnoreCase)))
        && TemplateData.IsNew(DataDirectory);

    protected override IHost CreateHost(IHostBuilder builder)
    {
        IHost host;
        try
        {
            host = base.CreateHost(builder);
        }
        catch (ObjectDisposedException) when (_refusedSettings is { } refusal)
        {
            // Program.cs disposes the app when its startup is refused. WebApplicationFactory's
            // deferred host reads the app's services once the app is built; when the refusal
            // came first (settings validation is quick), that read fails and hides the refusal.
            ExceptionDispatchInfo.Throw(refusal);
            throw;
        }

        _started = true;
        return host;
    }

    // The settings validation the gateway runs first at startup, recording what it throws for CreateHost.
    private void RecordSettingsRefusal(IServiceCollection services)
    {
        if (services.LastOrDefault(descriptor => descriptor.ServiceType == typeof(IStartupValidator)) is not { } validator)
        {
            return;
        }

        services.Remove(validator);
        services.Add(ServiceDescriptor.Describe(typeof(IStartupValidator), provider => new RecordingStartupValidator(Resolve(validator, provider), refusal => _refusedSettings = refusal), validator.Lifetime));
    }

    private static IStartupValidator Resolve(ServiceDescriptor descriptor, IServiceProvider provider) => (IStartupValidator)(
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(provider)
        ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!));

    private sealed class RecordingStartupValidator(IStartupValidator inner, Action<Exception> record) : IStartupValidator
    {
        public void Validate()
        {
            try
            {
                inner.Validate();
            }
            catch (Exception refusal)
            {
                record(refusal);
                throw;
            }
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var startsOnTemplate = StartsOnTemplate();
        Directory.CreateDirectory(DataDirectory);
        if (startsOnTemplate)
        {
            TemplateData.CopyTo(DataDirectory);
        }

        foreach (var (key, value) in DatabaseSettings())
        {
            _settings.TryAdd(key, value);
        }

        _settings.TryAdd("DataProtection:KeyRingPath", KeyRingPath);
        // One test host sends every request from one (null) address and logs in often: only the
        // rate-limit tests, which set their own low values, should meet these limits.
        foreach (var limit in RaisedRateLimits)
        {
            _settings.TryAdd($"RateLimits:{limit}", "1000000");
        }

        // Outside Development trusted documents default to Require, which needs a manifest: only
        // the trusted-document tests, which set their own, should meet it.
        if (EnvironmentName != Environments.Development)
        {
            _settings.TryAdd("GraphQL:TrustedDocuments:Mode", "Off");
        }

        // Denial windows close when a test flushes them, never on a timer mid-test: row counts must not depend on timing.
        _settings.TryAdd("Audit:DenialWindow", "1.00:00:00");

        builder.UseEnvironment(EnvironmentName);
        if (Clock is { } clock)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }

        builder.ConfigureTestServices(RecordSettingsRefusal);
        builder.ConfigureTestServices(services => services.AddTransient<IStartupFilter, TestClientAddress>());
        if (!ProductionPasswordHashing)
        {
            builder.ConfigureTestServices(services => services.Configure<PasswordHasherOptions>(options => options.IterationCount = TestPasswordIterations));
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
