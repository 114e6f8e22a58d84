using CloudjetGraph.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CloudjetGraph.Core.ProfileRecords;

internal sealed class StoredRecordRemovalConfiguration : IEntityTypeConfiguration<StoredRecordRemoval>, IProfileDatabaseConfiguration
{
    public void Configure(EntityTypeBuilder<StoredRecordRemoval> removal)
    {
        removal.ToTable("StoredRecordRemovals");
        removal.HasIndex(r => r.RecordId);
        removal.Property(r => r.Kind).HasMaxLength(16);
    }
}
