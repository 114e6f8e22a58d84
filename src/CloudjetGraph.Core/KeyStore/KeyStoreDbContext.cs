using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.Core.KeyStore;

/// <summary>
/// The key store: a database apart from the profile database, holding the wrapped person keys. Kept
/// apart (and backed up on a short retention) so that deleting a key reaches every backup of profiles.
/// </summary>
public sealed class KeyStoreDbContext(DbContextOptions<KeyStoreDbContext> options) : DbContext(options)
{
    /// <summary>One wrapped key per profile.</summary>
    public DbSet<WrappedPersonKey> PersonKeys => Set<WrappedPersonKey>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<WrappedPersonKey>(personKey =>
        {
            personKey.ToTable("PersonKeys");
            personKey.HasIndex(k => k.ProfileId).IsUnique();

            // The census counts person keys per wrapping key, and a rewrap walks them by it.
            personKey.HasIndex(k => k.WrappingKeyId);
            personKey.Property(k => k.Version).IsConcurrencyToken();
        });
    }
}
