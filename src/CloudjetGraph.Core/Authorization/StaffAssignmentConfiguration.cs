using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.ProfileRecords;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CloudjetGraph.Core.Authorization;

internal sealed class StaffAssignmentConfiguration : IEntityTypeConfiguration<StaffAssignment>, IProfileDatabaseConfiguration
{
    public void Configure(EntityTypeBuilder<StaffAssignment> assignment)
    {
        assignment.ToTable("StaffAssignments");
        assignment.HasKey(a => new { a.StaffSubject, a.OrganizationId });
        assignment.Property(a => a.StaffSubject).HasMaxLength(200);
        assignment.HasOne<Organization>().WithMany().HasForeignKey(a => a.OrganizationId);
    }
}
