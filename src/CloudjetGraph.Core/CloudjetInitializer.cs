using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Protection;
using CloudjetGraph.Core.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Core;

/// <summary>Startup work shared by the gateway and the custodian tool: schema, keys, demo data.</summary>
public static class CloudjetInitializer
{
    /// <summary>
    /// Validates the settings, migrates the database, makes the key hierarchy usable and, in
    /// Development, seeds demo data. Throws (stopping startup) on a bad setting
    /// (<see cref="OptionsValidationException"/>) or when the key ring is missing, unreadable or
    /// foreign (<see cref="KeyRingUnavailableException"/>).
    /// </summary>
    public static async Task InitializeCloudjetAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var isDevelopment = services.GetRequiredService<IHostEnvironment>().IsDevelopment();

        // Settings and the key ring are checked before the database is created or migrated, so a
        // refusal leaves nothing behind; the host would validate the settings only when it starts.
        services.GetService<IStartupValidator>()?.Validate();
        await using var scope = services.CreateAsyncScope();
        var bootstrapper = scope.ServiceProvider.GetRequiredService<KeyRingBootstrapper>();
        bootstrapper.CheckBeforeWriting(isDevelopment);
        await MigrateAsync(scope.ServiceProvider.GetRequiredService<CloudjetDbContext>(), cancellationToken);
        await bootstrapper.EnsureReadyAsync(isDevelopment, cancellationToken);
        if (isDevelopment)
        {
            await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync(cancellationToken);
        }
    }

    /// <summary>
    /// Creates a new key ring and its data keys for an empty database (the custodian tool's
    /// <c>keys init</c>), after the gateway's own settings validation; never seeds. Throws like
    /// <see cref="InitializeCloudjetAsync"/>, and when the ring folder or the database already
    /// holds keys, before anything is written.
    /// </summary>
    public static async Task InitializeKeyRingAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.GetService<IStartupValidator>()?.Validate();
        await using var scope = services.CreateAsyncScope();
        var bootstrapper = scope.ServiceProvider.GetRequiredService<KeyRingBootstrapper>();
        await bootstrapper.CheckBeforeCreatingRingAsync(cancellationToken);
        await MigrateAsync(scope.ServiceProvider.GetRequiredService<CloudjetDbContext>(), cancellationToken);
        await bootstrapper.CreateRingAsync(cancellationToken);
    }

    private static async Task MigrateAsync(CloudjetDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.IsSqlite())
        {
            SqliteFile.EnsureDirectory(db.Database.GetConnectionString());
            await db.Database.MigrateAsync(cancellationToken);

            // Readers never block the writer, and the file stays consistent after a crash.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
        else
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
    }
}
