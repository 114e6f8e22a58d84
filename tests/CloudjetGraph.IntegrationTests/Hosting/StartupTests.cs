using CloudjetGraph.Core.KeyStore;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.Core.Seeding;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace CloudjetGraph.IntegrationTests.Hosting;

/// <summary>Bad settings and unusable key rings stop startup with a message naming the setting.</summary>
public sealed class StartupTests
{
    [Theory]
    [InlineData("Authorization:Fields:phone:intern", "Read", "Authorization:Fields:phone:intern")]
    [InlineData("Authorization:Fields:salary:management", "Read", "Authorization:Fields:salary")]
    [InlineData("Authorization:Fields:phone:support", "Masked,Read", "Authorization:Fields:phone:support")]
    [InlineData("Authorization:Fields:fullName:anonymous", "Read", "Authorization:Fields:fullName:anonymous")]
    [InlineData("Authorization:RowScopes:sales", "Everything", "Authorization:RowScopes:sales")]
    [InlineData("GraphQL:MaxPageSize", "0", "MaxPageSize")]
    [InlineData("Authorization:Operations:createOrganization:1", "owner", "Authorization:Operations:createOrganization")]
    [InlineData("Authorization:Operations:exportMyData:1", "management", "Authorization:Operations:exportMyData")]
    [InlineData("Authorization:Operations:deleteEverything:0", "management", "Authorization:Operations:deleteEverything")]
    [InlineData("Authorization:Operations:breachReport:1", "auditor", "Authorization:Operations:breachReport")]
    [InlineData("Authorization:Operations:breachReport:1", "anonymous", "Authorization:Operations:breachReport")]
    [InlineData("Authorization:RowScopes:owner", "All", "Authorization:RowScopes:owner")]
    [InlineData("Authorization:Purposes:sales", "marketing", "Authorization:Purposes:sales: unknown purpose 'marketing'")]
    [InlineData("Authorization:Purposes:owner", "account", "Authorization:Purposes:owner: not a staff role")]
    [InlineData("Authorization:RowScopes:auditor", "All", "Authorization:Purposes:auditor: missing")]
    [InlineData("Policy:CurrentVersion", "2030-01-01", "Policy:CurrentVersion: '2030-01-01' is not listed in Policy:Versions.")]
    [InlineData("Policy:Versions:0:Sha256", "not-a-hash", "Policy:Versions:0:Sha256: must be 64 lowercase hexadecimal digits.")]
    [InlineData("Policy:ReacceptanceGracePeriod", "-1.00:00:00", "Policy:ReacceptanceGracePeriod: must not be negative.")]
    [InlineData("Policy:EffectiveDate", "2026-01-01", "Policy:EffectiveDate is replaced by Policy:Versions")]
    [InlineData("Onboarding:Roles:0", "sales", "Onboarding:Roles is replaced by Authorization:Operations")]
    [InlineData("RateLimits:LoginsPerAccountPerMinute", "0", "LoginsPerAccountPerMinute")]
    [InlineData("Cors:AllowedOrigins:0", "*", "Cors:AllowedOrigins")]
    [InlineData("Cors:AllowedOrigins:0", "https://kpi.cloudjet.vn/app", "Cors:AllowedOrigins")]
    [InlineData("Telemetry:OtlpEndpoint", "otel-collector:4317", "Telemetry:OtlpEndpoint")]
    [InlineData("ForwardedHeaders:KnownProxies:0", "10.0.0.300", "ForwardedHeaders:KnownProxies holds '10.0.0.300'")]
    [InlineData("ForwardedHeaders:KnownNetworks:0", "10.0.0.0/33", "ForwardedHeaders:KnownNetworks holds '10.0.0.0/33'")]
    [InlineData("ForwardedHeaders:ForwardLimit", "0", "ForwardLimit")]
    [InlineData("KeyLifecycle:MinimumDestroyDelay", "00:00:00", "KeyLifecycle:MinimumDestroyDelay must be positive.")]
    [InlineData("Authorization:MaxConfidentialityHold", "367.00:00:00", "Authorization:MaxConfidentialityHold must be between 0 and 366 days.")]
    [InlineData("Authorization:MaxConfidentialityHold", "-00:00:01", "Authorization:MaxConfidentialityHold must be between 0 and 366 days.")]
    [InlineData("GraphQL:TrustedDocuments:Mode", "Require", "GraphQL:TrustedDocuments:ManifestPath must name the trusted documents' manifest")]
    [InlineData("GraphQL:TrustedDocuments:ManifestPath", "/nonexistent/persisted-documents.json", "(GraphQL:TrustedDocuments:ManifestPath) is refused: the file cannot be read.")]
    [InlineData("GraphQL:TrustedDocuments:AllowAdHocFor:0", "anonymous", "GraphQL:TrustedDocuments:AllowAdHocFor names 'anonymous', which is no role that signs in.")]
    [InlineData("GraphQL:TrustedDocuments:AllowAdHocFor:0", "keycustodian", "GraphQL:TrustedDocuments:AllowAdHocFor names 'keycustodian'")]
    public async Task Host_WithBadSetting_RefusesToStartNamingTheKey(string key, string value, string named)
    {
        await using var app = new CloudjetApplication().With(key, value);

        Assert.Contains(named, StartupFailure(app), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_OnPostgresWithoutAKeyStoreConnectionString_RefusesToStartNamingIt()
    {
        // The key store has a SQLite default beside the ring; a server has none to fall back on.
        await using var app = new CloudjetApplication().With("Database:Provider", "Postgres").With("ConnectionStrings:CloudjetKeys", "");

        var failure = StartupFailure(app);

        Assert.Contains("Database:Provider Postgres needs ConnectionStrings:CloudjetKeys", failure, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", failure, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Host_WithUnreadableKeyRing_RefusesToStartAndCreatesNoKey()
    {
        await using var app = new CloudjetApplication();
        Directory.CreateDirectory(app.KeyRingPath);
        await File.WriteAllTextAsync(Path.Combine(app.KeyRingPath, "key-5f1e5c0a-0000-4000-8000-000000000000.xml"), "<key>not a key");

        var failure = StartupFailure(app);

        Assert.Contains("DataProtection:KeyRingPath", failure, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(app.KeyRingPath));
    }

    [Fact]
    public async Task Host_RestartedWithoutItsKeyRing_RefusesToStartAndCreatesNoNewRing()
    {
        var dataDirectory = await DataOfAHostThatRanAsync();

        await using var second = new CloudjetApplication { DataDirectory = dataDirectory };
        foreach (var keyFile in Directory.GetFiles(second.KeyRingPath))
        {
            File.Delete(keyFile);
        }

        var failure = StartupFailure(second);

        Assert.Contains("DataProtection:KeyRingPath", failure, StringComparison.Ordinal);
        Assert.Contains("database holds data keys", failure, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(second.KeyRingPath));
    }

    [Fact]
    [ProviderSensitive("a restart on its databases")]
    public async Task Host_RestartedOnItsKeyRing_ReadsDataWrittenBefore()
    {
        var profileId = Guid.Empty;
        var dataDirectory = await DataOfAHostThatRanAsync(async first => profileId = await first.SignUpAsync(Owners.NewInput("restart")));

        await using var second = new CloudjetApplication { DataDirectory = dataDirectory };
        var response = await second.Client(second.StaffToken(DefaultRole.Management, "management-demo"))
            .PostAsync("query($id: ID!) { profile(id: $id) { fullName } }", new { id = profileId });

        Assert.Equal("Trần Thị Kiểm Thử restart", response.Ok()["profile"]!["fullName"]!.GetValue<string>());
        Assert.Equal(200 + 1, second.WithDb(db => db.Profiles.Count()));
    }

    [Fact]
    [ProviderSensitive("edits the key store")]
    public async Task Host_RestartedWithAWrappedDataKeyCopiedToAnotherKey_RefusesToStart()
    {
        var dataDirectory = await DataOfAHostThatRanAsync();

        await using var second = new CloudjetApplication { DataDirectory = dataDirectory };
        var altered = await second.ExecuteSqlAsync("UPDATE DataKeys SET WrappedKey = (SELECT WrappedKey FROM DataKeys WHERE length(WrappedKey) > 0 ORDER BY Id LIMIT 1)");

        Assert.Equal(4, altered);
        Assert.Contains("cannot be unwrapped", StartupFailure(second), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_OutsideDevelopmentOnADevelopmentKeyRing_RefusesToStart()
    {
        var dataDirectory = await DataOfAHostThatRanAsync();

        // Unprotected keys allowed, so that the refusal under test is the one that remains.
        await using var production = new CloudjetApplication { DataDirectory = dataDirectory, EnvironmentName = "Production" }
            .With("DataProtection:AllowUnprotectedKeys", "true");

        Assert.Contains("development key ring", StartupFailure(production), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Staging")]
    public async Task Host_OutsideDevelopmentWithDestroyDelayUnderADay_RefusesToStartNamingTheKey(string environment)
    {
        await using var app = new CloudjetApplication { EnvironmentName = environment }.With("KeyLifecycle:MinimumDestroyDelay", "23:59:59");

        Assert.Contains("KeyLifecycle:MinimumDestroyDelay must be at least 24 hours (1.00:00:00) outside Development.", StartupFailure(app), StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(app.DataDirectory));
    }

    [Fact]
    public async Task Host_OutsideDevelopmentOnAnEmptyFolder_RefusesToStartAndCreatesNothing()
    {
        await using var production = new CloudjetApplication { EnvironmentName = "Production" };

        var failure = StartupFailure(production);

        Assert.Contains("DataProtection:KeyRingPath", failure, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(production.DataDirectory));
    }

    [Theory]
    [InlineData("GraphQL__MaxPageSize", "0", "GraphQL: ")]
    [InlineData("Cors__AllowedOrigins__0", "*", "Cors:AllowedOrigins")]
    [InlineData("Authorization__Fields__phone__intern", "Read", "Authorization:Fields:phone:intern")]
    [InlineData("DataProtection__CertificatePath", "/nonexistent/cloudjet-ring.pfx", "(DataProtection:CertificatePath) does not exist.")]
    [InlineData("GraphQL__TrustedDocuments__Mode", "Require", "GraphQL:TrustedDocuments:ManifestPath must name the trusted documents' manifest")]
    public async Task Process_WithBadSetting_ExitsWithOneLineNamingTheSettingAndWritesNothing(string variable, string value, string named)
    {
        var refusal = await RunInProductionOnAnEmptyFolderAsync((variable, value));

        Assert.Equal(78, refusal.ExitCode);
        Assert.StartsWith("Startup refused: ", refusal.Line, StringComparison.Ordinal);
        Assert.Contains(named, refusal.Line, StringComparison.Ordinal);
        Assert.Empty(refusal.LeftBehind);
    }

    [Fact]
    public async Task Process_InProductionOnAnEmptyFolder_ExitsWithOneLineNamingTheKeyRingAndLeavesItEmpty()
    {
        var refusal = await RunInProductionOnAnEmptyFolderAsync();

        Assert.Equal(78, refusal.ExitCode);
        Assert.Matches(@"^Startup refused: The key ring at '.+' \(DataProtection:KeyRingPath\) holds no readable keys\.$", refusal.Line);
        Assert.Empty(refusal.LeftBehind);
    }

    /// <summary>
    /// Runs the gateway as a process, as an operator would, in Production on an empty folder;
    /// asserts that it printed exactly one line and no stack frame, and returns that line and
    /// whatever the folder holds afterwards.
    /// </summary>
    private static async Task<(int ExitCode, string Line, string[] LeftBehind)> RunInProductionOnAnEmptyFolderAsync(params (string Name, string Value)[] settings)
    {
        var folder = Path.Combine(Path.GetTempPath(), "cloudjet-refusal", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var environment = new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ConnectionStrings__Cloudjet"] = $"Data Source={Path.Combine(folder, "cloudjet.db")}",
                ["DataProtection__KeyRingPath"] = Path.Combine(folder, "keys"),

                // Require, the default here, needs a manifest; the case that tests it sets Require.
                ["GraphQL__TrustedDocuments__Mode"] = "Off",
            };
            foreach (var (name, value) in settings)
            {
                environment[name] = value;
            }

            var (exitCode, stdout, stderr) = await ProjectProcess.RunGatewayToEndAsync(environment);

            Assert.DoesNotContain("   at ", stdout + stderr, StringComparison.Ordinal);
            Assert.Equal(string.Empty, stdout);
            var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            return (exitCode, line, Directory.GetFileSystemEntries(folder, "*", SearchOption.AllDirectories));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    [ProviderSensitive("edits rows with SQL, stamped at startup")]
    public async Task Host_RestartedInDevelopmentOnRowsFromBeforeAccessTags_StampsThemAndLetsTheOwnerLogIn()
    {
        var dataDirectory = await DataOfAHostThatRanAsync();

        await using var second = new CloudjetApplication { DataDirectory = dataDirectory };
        await second.ExecuteSqlAsync("DELETE FROM DataKeys WHERE Purpose = 4");
        Assert.Equal(200, await second.ExecuteSqlAsync("UPDATE Profiles SET AccessTag = NULL"));

        var token = await second.LoginAsync(DemoDataSeeder.DemoOwnerEmail, DemoDataSeeder.DemoOwnerPassword);

        Assert.NotEmpty(token);
        Assert.Contains(second.Logs.Lines, line => line.StartsWith("Warning CloudjetGraph.Core.KeyRing.KeyRingBootstrapper[1003] Stamped access tags on 200 ", StringComparison.Ordinal));
        Assert.Equal(0, second.WithDb(db => db.Profiles.Count(p => p.AccessTag == null)));
    }

    [Fact]
    [ProviderSensitive("edits the key store")]
    public async Task Host_OutsideDevelopmentWithProfilesButNoRowIntegrityKey_RefusesToStartAndCreatesNone()
    {
        var dataDirectory = await DataOfAHostThatRanAsync();

        // A production-like database whose RowIntegrity key row was deleted, as an attacker would to get rows re-blessed.
        await using var production = new CloudjetApplication { DataDirectory = dataDirectory, EnvironmentName = "Production" }
            .With("DataProtection:AllowUnprotectedKeys", "true");
        await production.ExecuteSqlAsync("UPDATE DataKeys SET DevelopmentOnly = FALSE");
        Assert.Equal(1, await production.ExecuteSqlAsync("DELETE FROM DataKeys WHERE Purpose = 4"));

        Assert.Contains("no active RowIntegrity data key", StartupFailure(production), StringComparison.Ordinal);

        // Counts the RowIntegrity keys left after the refusal: none may have been created.
        Assert.Equal(0, await production.ExecuteSqlAsync("DELETE FROM DataKeys WHERE Purpose = 4"));
    }

    [Fact]
    [ProviderSensitive("whether a key store exists, found without creating it")]
    public async Task Development_DatabaseWithProfilesButNoPersonKeys_RefusesAndCreatesNoKeyStore()
    {
        // A database from before person keys (format 1) has profiles and no key store at all.
        var dataDirectory = await DataOfAHostThatRanAsync();
        await using var second = new CloudjetApplication { DataDirectory = dataDirectory };
        await TestDatabase.DeleteAsync(second.KeyStorePath);

        var failure = StartupFailure(second);

        Assert.Contains("ConnectionStrings:CloudjetKeys", failure, StringComparison.Ordinal);
        Assert.Contains("retired format 1", failure, StringComparison.Ordinal);
        Assert.False(await TestDatabase.ExistsAsync(second.KeyStorePath));
    }

    [Fact]
    [ProviderSensitive("the key store pairing")]
    public async Task Development_KeyStoreEmptiedBehindTheGateway_RefusesToStart()
    {
        var dataDirectory = await DataOfAHostThatRanAsync();
        await using var second = new CloudjetApplication { DataDirectory = dataDirectory };
        Assert.Equal(DemoDataSeeder.ProfileCount, await second.ExecuteKeyStoreSqlAsync("DELETE FROM PersonKeys"));

        Assert.Contains("holds no person keys", StartupFailure(second), StringComparison.Ordinal);
    }

    [Fact]
    [ProviderSensitive("the key store pairing")]
    public async Task Development_KeyStoreOfAnotherDatabase_RefusesAndWritesToNeither()
    {
        var dataDirectory = await DataOfAHostThatRanAsync();
        var otherDirectory = await DataOfAHostThatRanAsync(fromTemplate: false);
        await using var otherCleanup = new CloudjetApplication { DataDirectory = otherDirectory };
        await using var second = new CloudjetApplication { DataDirectory = dataDirectory }
            .With("ConnectionStrings:CloudjetKeys", KeyStoreConnectionOf(otherCleanup));
        var database = await DatabaseDigest.OfAsync(second);
        var foreignKeyStore = await DatabaseDigest.OfKeyStoreAsync(otherCleanup);

        var failure = StartupFailure(second);

        Assert.Contains("ConnectionStrings:CloudjetKeys", failure, StringComparison.Ordinal);
        Assert.Contains("belongs to another database", failure, StringComparison.Ordinal);
        Assert.Equal(database, await DatabaseDigest.OfAsync(second));
        Assert.Equal(foreignKeyStore, await DatabaseDigest.OfKeyStoreAsync(otherCleanup));
    }

    [Fact]
    [ProviderSensitive("the key store pairing")]
    public async Task Development_PairFromBeforePairingIds_IsPairedWithOneIdAndServes()
    {
        var dataDirectory = await DataOfAHostThatRanAsync();
        await using var second = new CloudjetApplication { DataDirectory = dataDirectory };
        Assert.Equal(1, await second.ExecuteSqlAsync("DELETE FROM StorePairing"));
        Assert.Equal(1, await second.ExecuteKeyStoreSqlAsync("DELETE FROM StorePairing"));

        await second.InitializeAsync();

        var database = second.WithDb(db => db.StorePairing.Select(p => p.Id).ToList());
        Assert.Single(database);
        Assert.Equal(database, second.WithKeyStore(ks => ks.StorePairing.Select(p => p.Id).ToList()));
        Assert.Equal(DemoDataSeeder.ProfileCount, (await ProfileValues.ReadAsync(second.Services)).Count);
    }

    [Fact]
    [ProviderSensitive("the key store pairing")]
    public async Task Development_CrashBetweenThePairingWrites_NextStartCompletesThePairing()
    {
        var pairingId = Guid.Empty;
        var dataDirectory = await DataOfAHostThatRanAsync(first =>
        {
            pairingId = first.WithKeyStore(ks => ks.StorePairing.Single().Id);
            return Task.CompletedTask;
        });
        await using var second = new CloudjetApplication { DataDirectory = dataDirectory };
        Assert.Equal(1, await second.ExecuteSqlAsync("DELETE FROM StorePairing"));

        await second.InitializeAsync();

        Assert.Equal(pairingId, second.WithDb(db => db.StorePairing.Single().Id));
    }

    [Fact]
    [ProviderSensitive("the key store pairing")]
    public async Task Development_UnpairedDatabaseBesideAnotherDatabasesUnpairedKeyStore_RefusesToPairThem()
    {
        var dataDirectory = await DataOfAHostThatRanAsync();
        var otherDirectory = await DataOfAHostThatRanAsync(fromTemplate: false);
        await using var otherCleanup = new CloudjetApplication { DataDirectory = otherDirectory };
        await using var second = new CloudjetApplication { DataDirectory = dataDirectory }
            .With("ConnectionStrings:CloudjetKeys", KeyStoreConnectionOf(otherCleanup));
        Assert.Equal(1, await second.ExecuteSqlAsync("DELETE FROM StorePairing"));
        Assert.Equal(1, await otherCleanup.ExecuteKeyStoreSqlAsync("DELETE FROM StorePairing"));

        var failure = StartupFailure(second);

        // Profile ids are random: another database's store holds none of this one's person keys.
        Assert.Contains("holds the person keys of 0 of 64 profiles sampled", failure, StringComparison.Ordinal);
        Assert.Equal(0, await second.ExecuteSqlAsync("DELETE FROM StorePairing"));
        Assert.Equal(0, await otherCleanup.ExecuteKeyStoreSqlAsync("DELETE FROM StorePairing"));
    }

    [Fact]
    [ProviderSensitive("edits the key store")]
    public async Task Development_ProfilesButPersonKeyWrappingKeyDeleted_RefusesAndCreatesNoWrappingKey()
    {
        var dataDirectory = await DataOfAHostThatRanAsync();
        await using var second = new CloudjetApplication { DataDirectory = dataDirectory };
        Assert.Equal(1, await second.ExecuteSqlAsync("DELETE FROM DataKeys WHERE Purpose = 5"));

        Assert.Contains("no active PersonKeyWrapping data key", StartupFailure(second), StringComparison.Ordinal);

        // Counts the wrapping keys left after the refusal: none may have been created.
        Assert.Equal(0, await second.ExecuteSqlAsync("DELETE FROM DataKeys WHERE Purpose = 5"));
    }

    /// <summary>Runs a Development host on fresh data, optionally doing some work, and returns its data directory.</summary>
    // fromTemplate: false makes databases of their own: two copies of the run's template share their profile ids and pairing.
    private static async Task<string> DataOfAHostThatRanAsync(Func<CloudjetApplication, Task>? whileRunning = null, bool fromTemplate = true)
    {
        await using var first = new CloudjetApplication { KeepData = true, FromTemplate = fromTemplate };
        await first.InitializeAsync();
        if (whileRunning is not null)
        {
            await whileRunning(first);
        }

        return first.DataDirectory;
    }

    // A host's key store as a connection string for another host, on either provider.
    private static string KeyStoreConnectionOf(CloudjetApplication host) => TestDatabase.IsPostgres
        ? host.DatabaseSettings()["ConnectionStrings:CloudjetKeys"]!
        : $"Data Source={host.KeyStorePath}";

    /// <summary>Starts the host and returns every message of the exception that stopped it.</summary>
    private static string StartupFailure(CloudjetApplication app)
    {
        var exception = Assert.ThrowsAny<Exception>(() => app.Server);
        var messages = new List<string>();
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            messages.Add(current.Message);
            if (current is AggregateException aggregate)
            {
                messages.AddRange(aggregate.InnerExceptions.Select(inner => inner.Message));
            }
        }

        return string.Join(Environment.NewLine, messages);
    }
}
