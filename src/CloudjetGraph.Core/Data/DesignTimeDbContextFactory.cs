using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CloudjetGraph.Core.Data;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting a host.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<CloudjetDbContext>
{
    public CloudjetDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<CloudjetDbContext>().UseSqlite(DataServiceCollectionExtensions.DefaultConnectionString).Options);
}
