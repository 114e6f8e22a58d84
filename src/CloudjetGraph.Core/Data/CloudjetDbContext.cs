using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.Core.Data;

/// <summary>The gateway's database: organisations, profiles, consent histories, invitations, staff assignments, wrapped data keys and the record of custodian operations.</summary>
public sealed class CloudjetDbContext(DbContextOptions<CloudjetDbContext> options) : DbContext(options)
{
    /// <summary>Customer organisations.</summary>
    public DbSet<Organization> Organizations => Set<Organization>();

    /// <summary>Profiles with sealed personal columns.</summary>
    public DbSet<Profile> Profiles => Set<Profile>();

    /// <summary>Every acceptance and withdrawal of consent; kept after an erasure (ids, versions and times only).</summary>
    public DbSet<ConsentEvent> ConsentEvents => Set<ConsentEvent>();

    /// <summary>Single-use sign-up invitations, stored as code hashes.</summary>
    public DbSet<Invitation> Invitations => Set<Invitation>();

    /// <summary>Which organisations each sales or support staff member serves.</summary>
    public DbSet<StaffAssignment> StaffAssignments => Set<StaffAssignment>();

    /// <summary>Data keys wrapped by the Data Protection key ring.</summary>
    public DbSet<DataKey> DataKeys => Set<DataKey>();

    /// <summary>The record of key custodian operations; rows are only ever added.</summary>
    public DbSet<CustodianOperation> CustodianOperations => Set<CustodianOperation>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Organization>(organization =>
        {
            organization.Property(o => o.Name).HasMaxLength(200);
        });

        modelBuilder.Entity<Profile>(profile =>
        {
            profile.HasOne(p => p.Organization).WithMany().HasForeignKey(p => p.OrganizationId);
            profile.HasIndex(p => p.OrganizationId);
            profile.HasIndex(p => p.EmailIndex);
            profile.HasIndex(p => p.LoginEmailIndex).IsUnique();
            profile.Property(p => p.ConsentPolicyVersion).HasMaxLength(32);
            profile.Property(p => p.Version).IsConcurrencyToken();
            profile.Ignore(p => p.AccessVerified);
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

        modelBuilder.Entity<CustodianOperation>(operation =>
        {
            operation.Property(o => o.ActorSubject).HasMaxLength(Audit.OperationLog.MaxSubjectLength);
            operation.Property(o => o.ActorRole).HasMaxLength(32);
            operation.Property(o => o.Operation).HasMaxLength(64);
            operation.Property(o => o.Target).HasMaxLength(Audit.OperationLog.MaxTargetLength);
            operation.Property(o => o.Outcome).HasMaxLength(16);
            operation.Property(o => o.Detail).HasMaxLength(Audit.OperationLog.MaxDetailLength);
        });
    }
}
