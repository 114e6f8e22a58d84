using CloudjetGraph.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CloudjetGraph.Core.ProfileRecords;

internal sealed class ProfileConfiguration : IEntityTypeConfiguration<Profile>, IProfileDatabaseConfiguration
{
    public void Configure(EntityTypeBuilder<Profile> profile)
    {
        profile.ToTable("Profiles");
        profile.HasOne(p => p.Organization).WithMany().HasForeignKey(p => p.OrganizationId);
        // One organisation's profiles in id order straight from the index: a scoped page seeks
        // and reads its rows instead of collecting and sorting the organisation's profiles.
        profile.HasIndex(p => new { p.OrganizationId, p.Id });
        profile.HasIndex(p => p.EmailIndex);
        profile.HasIndex(p => p.LoginEmailIndex).IsUnique();
        profile.Property(p => p.ConsentPolicyVersion).HasMaxLength(32);
        profile.Property(p => p.RestrictionReason).HasMaxLength(32);
        profile.Property(p => p.RestrictedBy).HasMaxLength(16);
        profile.Property(p => p.Version).IsConcurrencyToken();
        profile.Ignore(p => p.AccessVerified);
    }
}
