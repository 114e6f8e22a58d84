using CloudjetGraph.Core.Data.Engines;
using CloudjetGraph.Core.KeyStore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CloudjetGraph.PostgresMigrations;

/// <summary>As <see cref="DesignTimeDbContextFactory"/>, for <c>--context KeyStoreDbContext</c>.</summary>
internal sealed class DesignTimeKeyStoreDbContextFactory : IDesignTimeDbContextFactory<KeyStoreDbContext>
{
    public KeyStoreDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<KeyStoreDbContext>();
        PostgresEngine.Instance.Use(options, "Host=localhost;Database=cloudjet_keys");
        return new(options.Options);
    }
}
