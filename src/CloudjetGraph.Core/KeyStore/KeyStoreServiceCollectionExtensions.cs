using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Data.Engines;
using CloudjetGraph.Core.KeyRing;
using CloudjetGraph.Core.Protection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Core.KeyStore;

/// <summary>Registers the key store database and the person keys kept in it.</summary>
internal static class KeyStoreServiceCollectionExtensions
{
    /// <summary>The connection string name, read from <c>ConnectionStrings:CloudjetKeys</c>.</summary>
    public const string ConnectionStringName = "CloudjetKeys";

    /// <summary>The file name of the default key store, beside the key ring directory.</summary>
    public const string DefaultFileName = "keys.db";

    /// <summary>Adds <see cref="KeyStoreDbContext"/> on the provider of <c>Database:Provider</c>, the person key cache, store and shredder, and the pairing check.</summary>
    public static IServiceCollection AddCloudjetKeyStore(this IServiceCollection services)
    {
        services.AddOptions<KeyStoreOptions>()
            .BindConfiguration(KeyStoreOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // Read when a context is built, so hosts and tests may still change configuration before that.
        // A factory, because singletons (field resolvers, the shredder) open short contexts of their own.
        services.AddDbContextFactory<KeyStoreDbContext>((provider, options) =>
            DatabaseEngines.For(provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider)
                .Use(options, ConnectionString(provider.GetRequiredService<IConfiguration>(), provider.GetRequiredService<IOptions<ProtectionOptions>>().Value)));

        // On a server the key store is a database of its own, which only its connection string can name.
        services.AddOptions<DatabaseOptions>()
            .Validate<IConfiguration>(
                (options, configuration) => options.Provider == DatabaseProvider.Sqlite || configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 },
                $"{DatabaseOptions.SectionName}:Provider {DatabaseProvider.Postgres} needs ConnectionStrings:{ConnectionStringName}, a database apart from ConnectionStrings:{DataServiceCollectionExtensions.ConnectionStringName}.");
        services.AddSingleton<PersonKeyCache>();
        services.AddSingleton<IUnwrappedKeyCache>(provider => provider.GetRequiredService<PersonKeyCache>());
        services.AddSingleton<PersonKeyWrapper>();
        services.AddSingleton<PersonKeyStore>();
        services.AddSingleton<PersonKeyShredder>();
        services.AddScoped<KeyStorePairing>();
        services.AddScoped<PersonKeySweep>();
        services.AddScoped<KeyStoreDataKeys>();
        services.AddScoped<IKeptDataKeys>(provider => provider.GetRequiredService<KeyStoreDataKeys>());
        return services;
    }

    /// <summary>
    /// <c>ConnectionStrings:CloudjetKeys</c>, or when it is empty (SQLite only) a SQLite file <c>keys.db</c> beside the
    /// key ring directory, so that the keys and their store stay together, apart from the profiles.
    /// </summary>
    public static string ConnectionString(IConfiguration configuration, ProtectionOptions protection)
    {
        ArgumentNullException.ThrowIfNull(protection);
        if (configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } configured)
        {
            return configured;
        }

        var ringDirectory = Path.GetFullPath(protection.KeyRingPath).TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        var beside = Path.Combine(Path.GetDirectoryName(ringDirectory) ?? ringDirectory, DefaultFileName);
        return new SqliteConnectionStringBuilder { DataSource = beside }.ToString();
    }
}
