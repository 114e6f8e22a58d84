using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Custodians;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Data.Engines;
using CloudjetGraph.Core.KeyRing;
using CloudjetGraph.Core.Keys;
using CloudjetGraph.Core.KeyStore;
using CloudjetGraph.Core.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Core;

/// <summary>Startup work shared by the gateway and the custodian tool: schemas, keys, demo data.</summary>
public static class CloudjetInitializer
{
    /// <summary>
    /// Validates the settings, migrates the database and the key store, makes the key hierarchy usable and, in
    /// Development, seeds demo data. Throws (stopping startup) on a bad setting
    /// (<see cref="OptionsValidationException"/>) or when the key ring is missing, unreadable or
    /// foreign, or the key store is missing, empty or another database's (<see cref="KeyStoreMismatchException"/>).
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
        var db = scope.ServiceProvider.GetRequiredService<CloudjetDbContext>();

        // Instances that start together take turns: the first migrates and creates the keys (and in
        // Development the ring and demo data), the others find them made.
        await using var startupLock = await db.Database.Engine().HoldStartupLockAsync(db.Database, cancellationToken);
        await MigrateAsync(db, cancellationToken);

        // Entries a migration moved into the audit trail get their links before anything is appended.
        await services.GetRequiredService<AuditTrailWriter>().SealPendingAsync(cancellationToken);
        await using var keyStore = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<KeyStoreDbContext>>().CreateDbContextAsync(cancellationToken);
        await PrepareKeyStoreAsync(scope.ServiceProvider.GetRequiredService<KeyStorePairing>(), keyStore, cancellationToken);
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
    /// holds keys, before anything is written. Recorded as <paramref name="actor"/>'s operation
    /// once the database exists (a refusal before that has nowhere to be recorded).
    /// </summary>
    /// <returns>The census of the new ring.</returns>
    public static async Task<KeyInventory> InitializeKeyRingAsync(this IServiceProvider services, OperationActor actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.GetService<IStartupValidator>()?.Validate();
        await using var scope = services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<OperationLog>().RunAsync(
            actor,
            CustodianOperationNames.Init,
            "key ring",
            async token =>
            {
                var bootstrapper = scope.ServiceProvider.GetRequiredService<KeyRingBootstrapper>();
                await bootstrapper.CheckBeforeCreatingRingAsync(token);
                var db = scope.ServiceProvider.GetRequiredService<CloudjetDbContext>();

                // Checked again under the lock: a gateway or another init may have created keys meanwhile.
                await using var startupLock = await db.Database.Engine().HoldStartupLockAsync(db.Database, token);
                await bootstrapper.CheckBeforeCreatingRingAsync(token);
                await MigrateAsync(db, token);

                // The blind-index keys are made in the key store, so it is created first. The gateway's
                // first start pairs the two, as before: pairing here would let a second init at once
                // meet a half-written pairing in its guard rather than this one's refusal.
                await using var keyStore = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<KeyStoreDbContext>>().CreateDbContextAsync(token);
                await scope.ServiceProvider.GetRequiredService<KeyStorePairing>().RefuseMissingAsync(keyStore, token);
                await MigrateAsync(keyStore, token);
                await bootstrapper.CreateRingAsync(token);
                return await scope.ServiceProvider.GetRequiredService<KeyCensus>().ReadAsync(token);
            },
            census => new OperationSummary(
                string.Join(", ", census.MasterKeys.Select(key => $"ring key {key.Id}")),
                $"Created {census.MasterKeys.Count} ring key(s) and {census.DataKeys.Count} data keys: {string.Join(", ", census.DataKeys.Select(key => key.Purpose).Order(StringComparer.Ordinal))}."),
            cancellationToken);
    }

    /// <summary>
    /// Creates or migrates the key store beside the profile database and binds the two. A missing
    /// key store is created only for a new profile database, and one that belongs to another
    /// database stops startup (<see cref="KeyStoreMismatchException"/>), before anything is written to it.
    /// </summary>
    private static async Task PrepareKeyStoreAsync(KeyStorePairing pairing, KeyStoreDbContext keyStore, CancellationToken cancellationToken)
    {
        await pairing.RefuseMissingAsync(keyStore, cancellationToken);
        await MigrateAsync(keyStore, cancellationToken);
        await pairing.PairAsync(keyStore, cancellationToken);
    }

    private static Task MigrateAsync(DbContext context, CancellationToken cancellationToken) =>
        context.Database.Engine().MigrateAsync(context.Database, cancellationToken);
}
