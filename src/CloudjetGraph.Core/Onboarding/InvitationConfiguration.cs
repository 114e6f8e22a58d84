using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.ProfileRecords;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CloudjetGraph.Core.Onboarding;

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>, IProfileDatabaseConfiguration
{
    public void Configure(EntityTypeBuilder<Invitation> invitation)
    {
        invitation.ToTable("Invitations");
        invitation.HasIndex(i => i.CodeHash).IsUnique();
        invitation.Property(i => i.CreatedBy).HasMaxLength(200);
        invitation.HasOne<Organization>().WithMany().HasForeignKey(i => i.OrganizationId);
    }
}
