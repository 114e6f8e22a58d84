using CloudjetGraph.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CloudjetGraph.Core.Audit;

internal sealed class AuditEntryProfileConfiguration : IEntityTypeConfiguration<AuditEntryProfile>, IProfileDatabaseConfiguration
{
    public void Configure(EntityTypeBuilder<AuditEntryProfile> profile)
    {
        profile.ToTable("AuditEntryProfiles");
        profile.HasKey(p => new { p.EntrySequence, p.ProfileId });
        profile.HasIndex(p => p.ProfileId);
        profile.Property(p => p.Fields).HasMaxLength(400);
        profile.Property(p => p.PolicyVersion).HasMaxLength(32);
    }
}
