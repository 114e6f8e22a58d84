using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CloudjetGraph.Core.KeyStore;

/// <summary>Lets <c>dotnet ef migrations add --context KeyStoreDbContext</c> build the model without starting a host.</summary>
internal sealed class DesignTimeKeyStoreDbContextFactory : IDesignTimeDbContextFactory<KeyStoreDbContext>
{
    public KeyStoreDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<KeyStoreDbContext>().UseSqlite("Data Source=data/keys.db").Options);
}
