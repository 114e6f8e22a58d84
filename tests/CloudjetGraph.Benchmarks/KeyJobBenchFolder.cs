using System.Diagnostics;
using CloudjetGraph.Core;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.KeyStore;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CloudjetGraph.Benchmarks;

/// <summary>A folder holding a profile database, a key store and the key ring, and a host of the gateway's Core on it.</summary>
public sealed class KeyJobBenchFolder(string path)
{
    // Written last by the seeding process, naming the schemas it seeded: a folder without it is an
    // interrupted seed, and one of older schemas (the jobs refuse unmigrated databases), done again.
    private const string CompleteMarker = "seeded";

    public string Path { get; } = path;

    public bool IsSeeded => File.Exists(MarkerPath) && File.ReadAllText(MarkerPath) == SchemaIdentity();

    private string MarkerPath => System.IO.Path.Combine(Path, CompleteMarker);

    /// <summary>The seeded folder of one size, kept in the temp folder across runs.</summary>
    public static KeyJobBenchFolder SeedCache(int profiles) => new(System.IO.Path.Combine(System.IO.Path.GetTempPath(), "cloudjet-key-jobs-bench", $"seed-{profiles}"));

    /// <summary>Seeds this folder from nothing with <paramref name="seed"/>, then marks it seeded; returns how long seeding took.</summary>
    public async Task<TimeSpan> SeedAfreshAsync(Func<KeyJobBenchFolder, Task> seed)
    {
        ArgumentNullException.ThrowIfNull(seed);
        if (Directory.Exists(Path))
        {
            Delete();
        }

        var clock = Stopwatch.StartNew();
        await seed(this);
        MarkSeeded();
        return clock.Elapsed;
    }

    public void MarkSeeded()
    {
        // Every connection closed, so the WAL is folded into the files before they are copied.
        SqliteConnection.ClearAllPools();
        File.WriteAllText(MarkerPath, SchemaIdentity());
    }

    // The last migration of the profile database and of the key store that this build knows.
    private static string SchemaIdentity()
    {
        using var profiles = new CloudjetDbContext(new DbContextOptionsBuilder<CloudjetDbContext>().UseSqlite("Data Source=:memory:").Options);
        using var keys = new KeyStoreDbContext(new DbContextOptionsBuilder<KeyStoreDbContext>().UseSqlite("Data Source=:memory:").Options);
        return $"{profiles.Database.GetMigrations().Last()} {keys.Database.GetMigrations().Last()}";
    }

    /// <summary>A fresh copy of this folder, so every job starts from the same seeded state.</summary>
    public KeyJobBenchFolder CopyTo(string target)
    {
        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }

        foreach (var file in Directory.EnumerateFiles(Path, "*", SearchOption.AllDirectories))
        {
            var copy = System.IO.Path.Combine(target, System.IO.Path.GetRelativePath(Path, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }

        return new KeyJobBenchFolder(target);
    }

    public void Delete()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Path, recursive: true);
    }

    /// <summary>The gateway's settings (Development, so the first start makes a ring), pointed at this folder.</summary>
    public IHost BuildHost()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = Environments.Development });
        builder.Configuration.AddJsonFile(GatewaySettings.Path(), optional: false);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Cloudjet"] = $"Data Source={System.IO.Path.Combine(Path, "cloudjet.db")}",
            ["ConnectionStrings:CloudjetKeys"] = $"Data Source={System.IO.Path.Combine(Path, "cloudjet-keys.db")}",
            ["DataProtection:KeyRingPath"] = System.IO.Path.Combine(Path, "keys"),
        });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddCloudjetCore(builder.Configuration);
        return builder.Build();
    }
}
