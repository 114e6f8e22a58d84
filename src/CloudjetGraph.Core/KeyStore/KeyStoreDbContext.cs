using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.Core.KeyStore;

/// <summary>
/// The key store: a database apart from the profile database, holding the wrapped person keys and
/// blind-index data keys. Kept apart (and backed up on a short retention) so that deleting a key
/// reaches every backup of profiles.
/// </summary>
public sealed class KeyStoreDbContext(DbContextOptions<KeyStoreDbContext> options) : DbContext(options)
{
    /// <summary>The wrapped person keys: one per profile, two for a moment while a rekey moves the profile to a new one.</summary>
    internal DbSet<WrappedPersonKey> PersonKeys => Set<WrappedPersonKey>();

    /// <summary>The wrapped data keys kept here rather than in the profile database: the blind-index keys.</summary>
    internal DbSet<StoredDataKey> DataKeys => Set<StoredDataKey>();

    /// <summary>The id this key store shares with its profile database; one row once they are paired.</summary>
    internal DbSet<StorePairing> StorePairing => Set<StorePairing>();

    /// <summary>The single lease that lets one key job run at a time (see <see cref="Keys.Jobs.KeyJobLeases"/>).</summary>
    internal DbSet<KeyJobLease> KeyJobLeases => Set<KeyJobLease>();

    /// <summary>The checkpoint of each key job run, by kind and scope.</summary>
    internal DbSet<KeyJobRun> KeyJobRuns => Set<KeyJobRun>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<WrappedPersonKey>(personKey =>
        {
            personKey.ToTable("PersonKeys");

            // Not unique: a rekey inserts the new key before the profile's values move to it, and
            // deletes the old one only after (docs/encryption.md, Rekey). Values name their key.
            personKey.HasIndex(k => k.ProfileId);

            // The census counts person keys per wrapping key, and a rewrap walks them by it.
            personKey.HasIndex(k => k.WrappingKeyId);
            personKey.Property(k => k.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<StoredDataKey>().ToTable("DataKeys");
        modelBuilder.ApplyConfiguration(new StorePairingConfiguration());

        modelBuilder.Entity<KeyJobLease>(lease =>
        {
            lease.Property(l => l.Id).HasMaxLength(32);
            lease.Property(l => l.Holder).HasMaxLength(200);
            lease.Property(l => l.Kind).HasMaxLength(32);
            lease.Property(l => l.Scope).HasMaxLength(64);

            // The row exists from the start, so taking the lease is always one conditional update.
            lease.HasData(new KeyJobLease { Id = KeyJobLease.SingletonId });
        });

        modelBuilder.Entity<KeyJobRun>(run =>
        {
            run.HasKey(r => new { r.Kind, r.Scope });
            run.Property(r => r.Kind).HasMaxLength(32);
            run.Property(r => r.Scope).HasMaxLength(64);
            run.Property(r => r.State).HasMaxLength(16);
        });
    }
}
