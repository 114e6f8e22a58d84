using CloudjetGraph.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CloudjetGraph.Core.Privacy;

internal sealed class ConsentEventConfiguration : IEntityTypeConfiguration<ConsentEvent>, IProfileDatabaseConfiguration
{
    public void Configure(EntityTypeBuilder<ConsentEvent> consent)
    {
        consent.ToTable("ConsentEvents");
        consent.HasIndex(e => e.ProfileId);
        consent.Property(e => e.Kind).HasMaxLength(16);
        consent.Property(e => e.PolicyVersion).HasMaxLength(32);
        consent.Property(e => e.RestrictionReason).HasMaxLength(32);
        consent.Property(e => e.By).HasMaxLength(16);
    }
}
