using CloudjetGraph.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CloudjetGraph.Core.Audit;

internal sealed class AuditPrunedEntryConfiguration : IEntityTypeConfiguration<AuditPrunedEntry>, IProfileDatabaseConfiguration
{
    public void Configure(EntityTypeBuilder<AuditPrunedEntry> pruned)
    {
        pruned.ToTable("AuditPrunedEntries");

        // The pruned entry's own number, never the database's: the chain walks entries and these in one order.
        pruned.HasKey(p => p.Sequence);
        pruned.Property(p => p.Sequence).ValueGeneratedNever();
        pruned.Property(p => p.Link).HasMaxLength(AuditColumns.LinkLength);
        pruned.HasIndex(p => p.CheckpointSequence);
    }
}
