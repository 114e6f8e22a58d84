using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Data.Engines;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CloudjetGraph.PostgresMigrations;

/// <summary>
/// Lets <c>dotnet ef migrations add --project src/CloudjetGraph.PostgresMigrations</c> build the
/// PostgreSQL model without a host or a server; the address is never connected to.
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<CloudjetDbContext>
{
    public CloudjetDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<CloudjetDbContext>();
        PostgresEngine.Instance.Use(options, "Host=localhost;Database=cloudjet");
        return new(options.Options);
    }
}
