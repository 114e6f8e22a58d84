using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.Core.Data;

/// <summary>Registers the database shared by the gateway and the custodian tool.</summary>
public static class DataServiceCollectionExtensions
{
    /// <summary>The connection string name, read from <c>ConnectionStrings:Cloudjet</c>.</summary>
    public const string ConnectionStringName = "Cloudjet";

    /// <summary>Used when <c>ConnectionStrings:Cloudjet</c> is not set: a SQLite file created on first run.</summary>
    public const string DefaultConnectionString = "Data Source=data/cloudjet.db";

    /// <summary>Adds <see cref="CloudjetDbContext"/> on SQLite from <c>ConnectionStrings:Cloudjet</c>.</summary>
    public static IServiceCollection AddCloudjetData(this IServiceCollection services)
    {
        // Read when the context is built, so hosts and tests may still change configuration before that.
        services.AddDbContext<CloudjetDbContext>((provider, options) =>
            options.UseSqlite(provider.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionStringName) ?? DefaultConnectionString));
        return services;
    }
}
