using CloudjetGraph.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CloudjetGraph.Core.Audit;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>, IProfileDatabaseConfiguration
{
    private static readonly ValueConverter<DateTimeOffset, long> UnixMilliseconds = new(at => at.ToUnixTimeMilliseconds(), ms => DateTimeOffset.FromUnixTimeMilliseconds(ms));

    public void Configure(EntityTypeBuilder<AuditEntry> entry)
    {
        entry.ToTable("AuditEntries");

        // Given inside the appending transaction, never by the database: it is part of the link.
        entry.HasKey(e => e.Sequence);
        entry.Property(e => e.Sequence).ValueGeneratedNever();

        // Unix milliseconds: ordered and compared in SQL on every provider, and exactly what the link encodes.
        entry.Property(e => e.At).HasConversion(UnixMilliseconds);
        entry.HasIndex(e => e.At);
        entry.Property(e => e.Kind).HasMaxLength(16);
        entry.Property(e => e.ActorSubject).HasMaxLength(AuditColumns.MaxSubjectLength);
        entry.Property(e => e.ActorRole).HasMaxLength(32);
        entry.Property(e => e.Operation).HasMaxLength(AuditColumns.MaxOperationLength);
        entry.Property(e => e.Target).HasMaxLength(AuditColumns.MaxTargetLength);
        entry.Property(e => e.Outcome).HasMaxLength(16);
        entry.Property(e => e.Detail).HasMaxLength(AuditColumns.MaxDetailLength);
        entry.Property(e => e.Purpose).HasMaxLength(24);
        entry.Property(e => e.DisclosureLaw).HasMaxLength(AuditColumns.MaxDisclosureLawLength);
        entry.Property(e => e.DisclosureArticle).HasMaxLength(AuditColumns.MaxDisclosureArticleLength);

        // Compared with the clock in SQL when the owner reads their access log.
        entry.Property(e => e.ConfidentialUntil).HasConversion(UnixMilliseconds);
        entry.Property(e => e.Link).HasMaxLength(AuditColumns.LinkLength);
        entry.HasMany(e => e.Profiles).WithOne().HasForeignKey(p => p.EntrySequence);
    }
}
