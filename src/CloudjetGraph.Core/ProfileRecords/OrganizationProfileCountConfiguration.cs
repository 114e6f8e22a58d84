using CloudjetGraph.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CloudjetGraph.Core.ProfileRecords;

internal sealed class OrganizationProfileCountConfiguration : IEntityTypeConfiguration<OrganizationProfileCount>, IProfileDatabaseConfiguration
{
    public void Configure(EntityTypeBuilder<OrganizationProfileCount> count)
    {
        count.ToTable("OrganizationProfileCounts");
        count.HasKey(c => c.OrganizationId);
        count.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId);
    }
}
