using CloudjetGraph.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CloudjetGraph.Core.ProfileRecords;

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>, IProfileDatabaseConfiguration
{
    public void Configure(EntityTypeBuilder<Organization> organization)
    {
        organization.ToTable("Organizations");
        organization.Property(o => o.Name).HasMaxLength(200);
    }
}
