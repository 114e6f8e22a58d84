using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.Core.Data;

/// <summary>The gateway's database: organisations, profiles, consent histories, invitations, staff assignments, wrapped data keys, ring key revocations and the chained audit trail.</summary>
public sealed class CloudjetDbContext(DbContextOptions<CloudjetDbContext> options) : DbContext(options)
{
    /// <summary>Customer organisations.</summary>
    public DbSet<Organization> Organizations => Set<Organization>();

    /// <summary>Profiles with sealed personal columns.</summary>
    public DbSet<Profile> Profiles => Set<Profile>();

    /// <summary>Profiles per organisation, kept by triggers on <c>Profiles</c>; read only.</summary>
    public DbSet<OrganizationProfileCount> OrganizationProfileCounts => Set<OrganizationProfileCount>();

    /// <summary>Every acceptance and withdrawal of consent; kept after an erasure (ids, versions and times only).</summary>
    public DbSet<ConsentEvent> ConsentEvents => Set<ConsentEvent>();

    /// <summary>Single-use sign-up invitations, stored as code hashes.</summary>
    public DbSet<Invitation> Invitations => Set<Invitation>();

    /// <summary>Which organisations each sales or support staff member serves.</summary>
    public DbSet<StaffAssignment> StaffAssignments => Set<StaffAssignment>();

    /// <summary>Data keys wrapped by the Data Protection key ring.</summary>
    public DbSet<DataKey> DataKeys => Set<DataKey>();

    /// <summary>Ring keys a custodian revoked; rows are only ever added.</summary>
    public DbSet<RingKeyRevocation> RingKeyRevocations => Set<RingKeyRevocation>();

    /// <summary>The id this database shares with its key store; one row once they are paired.</summary>
    public DbSet<StorePairing> StorePairing => Set<StorePairing>();

    /// <summary>The chained audit trail (operations, releases, denials); rows are only ever added.</summary>
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>The profiles of each audit entry, indexed by profile.</summary>
    public DbSet<AuditEntryProfile> AuditEntryProfiles => Set<AuditEntryProfile>();

    /// <summary>
    /// <c>substr(bytes, start, length)</c> in SQL, 1-based, which SQLite and PostgreSQL both define for
    /// binary values: the key header of a stored entry is compared in the database. Only for queries.
    /// </summary>
    public static byte[] Substr(byte[] bytes, int start, int length) => throw new NotSupportedException("Only for queries, translated to SQL.");

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDbFunction(typeof(CloudjetDbContext).GetMethod(nameof(Substr))!).HasName("substr").IsBuiltIn();

        modelBuilder.Entity<Organization>(organization =>
        {
            organization.Property(o => o.Name).HasMaxLength(200);
        });

        modelBuilder.Entity<Profile>(profile =>
        {
            profile.HasOne(p => p.Organization).WithMany().HasForeignKey(p => p.OrganizationId);
            // One organisation's profiles in id order straight from the index: a scoped page seeks
            // and reads its rows instead of collecting and sorting the organisation's profiles.
            profile.HasIndex(p => new { p.OrganizationId, p.Id });
            profile.HasIndex(p => p.EmailIndex);
            profile.HasIndex(p => p.LoginEmailIndex).IsUnique();
            profile.Property(p => p.ConsentPolicyVersion).HasMaxLength(32);
            profile.Property(p => p.Version).IsConcurrencyToken();
            profile.Ignore(p => p.AccessVerified);
        });

        modelBuilder.Entity<OrganizationProfileCount>(count =>
        {
            count.HasKey(c => c.OrganizationId);
            count.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId);
        });

        modelBuilder.Entity<ConsentEvent>(consent =>
        {
            consent.HasIndex(e => e.ProfileId);
            consent.Property(e => e.Kind).HasMaxLength(16);
            consent.Property(e => e.PolicyVersion).HasMaxLength(32);
        });

        modelBuilder.Entity<StaffAssignment>(assignment =>
        {
            assignment.HasKey(a => new { a.StaffSubject, a.OrganizationId });
            assignment.Property(a => a.StaffSubject).HasMaxLength(200);
            assignment.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId);
        });

        modelBuilder.Entity<Invitation>(invitation =>
        {
            invitation.HasIndex(i => i.CodeHash).IsUnique();
            invitation.Property(i => i.CreatedBy).HasMaxLength(200);
            invitation.HasOne<Organization>().WithMany().HasForeignKey(i => i.OrganizationId);
        });

        modelBuilder.Entity<DataKey>(dataKey =>
        {
            // Never two active keys of one purpose, even when two rotations race: the database
            // refuses the second. A bare boolean column is a valid filter on SQLite and PostgreSQL.
            dataKey.HasIndex(k => k.Purpose).IsUnique().HasFilter("\"IsActive\"");
        });

        modelBuilder.Entity<RingKeyRevocation>().HasKey(r => r.KeyId);

        modelBuilder.Entity<StorePairing>().ToTable(nameof(StorePairing));

        modelBuilder.Entity<AuditEntry>(entry =>
        {
            // Given inside the appending transaction, never by the database: it is part of the link.
            entry.HasKey(e => e.Sequence);
            entry.Property(e => e.Sequence).ValueGeneratedNever();

            // Unix milliseconds: ordered and compared in SQL on every provider, and exactly what the link encodes.
            entry.Property(e => e.At).HasConversion(at => at.ToUnixTimeMilliseconds(), ms => DateTimeOffset.FromUnixTimeMilliseconds(ms));
            entry.HasIndex(e => e.At);
            entry.Property(e => e.Kind).HasMaxLength(16);
            entry.Property(e => e.ActorSubject).HasMaxLength(AuditColumns.MaxSubjectLength);
            entry.Property(e => e.ActorRole).HasMaxLength(32);
            entry.Property(e => e.Operation).HasMaxLength(AuditColumns.MaxOperationLength);
            entry.Property(e => e.Target).HasMaxLength(AuditColumns.MaxTargetLength);
            entry.Property(e => e.Outcome).HasMaxLength(16);
            entry.Property(e => e.Detail).HasMaxLength(AuditColumns.MaxDetailLength);
            entry.Property(e => e.Link).HasMaxLength(AuditColumns.LinkLength);
            entry.HasMany(e => e.Profiles).WithOne().HasForeignKey(p => p.EntrySequence);
        });

        modelBuilder.Entity<AuditEntryProfile>(profile =>
        {
            profile.HasKey(p => new { p.EntrySequence, p.ProfileId });
            profile.HasIndex(p => p.ProfileId);
            profile.Property(p => p.Fields).HasMaxLength(400);
        });
    }
}
