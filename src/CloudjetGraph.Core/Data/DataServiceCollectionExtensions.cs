using CloudjetGraph.Core.Data.Engines;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Core.Data;

/// <summary>Registers the database shared by the gateway and the custodian tool.</summary>
internal static class DataServiceCollectionExtensions
{
    /// <summary>The connection string name, read from <c>ConnectionStrings:Cloudjet</c>.</summary>
    public const string ConnectionStringName = "Cloudjet";

    /// <summary>Used when <c>ConnectionStrings:Cloudjet</c> is not set on SQLite: a file created on first run.</summary>
    public const string DefaultConnectionString = "Data Source=data/cloudjet.db";

    /// <summary>
    /// Adds <see cref="DatabaseOptions"/> and <see cref="CloudjetDbContext"/> on the configured provider
    /// from <c>ConnectionStrings:Cloudjet</c>.
    /// </summary>
    public static IServiceCollection AddCloudjetData(this IServiceCollection services)
    {
        // A server has no sensible default address, and a default SQLite path would be silently wrong there.
        services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate<IConfiguration>(
                (options, configuration) => options.Provider == DatabaseProvider.Sqlite || configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 },
                $"{DatabaseOptions.SectionName}:Provider {DatabaseProvider.Postgres} needs ConnectionStrings:{ConnectionStringName}.")
            .ValidateOnStart();

        // Read when the first context is built, so hosts and tests may still change configuration
        // before that. Pooled: a request's first query would otherwise build the options and the
        // context's services again, which under load cost as much as the query itself.
        services.AddDbContextPool<CloudjetDbContext>((provider, options) =>
            DatabaseEngines.For(provider.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider)
                .Use(options, provider.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionStringName) ?? DefaultConnectionString));
        return services;
    }
}
