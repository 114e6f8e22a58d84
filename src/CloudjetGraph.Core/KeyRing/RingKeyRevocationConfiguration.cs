using CloudjetGraph.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CloudjetGraph.Core.KeyRing;

internal sealed class RingKeyRevocationConfiguration : IEntityTypeConfiguration<RingKeyRevocation>, IProfileDatabaseConfiguration
{
    public void Configure(EntityTypeBuilder<RingKeyRevocation> revocation)
    {
        revocation.ToTable("RingKeyRevocations");
        revocation.HasKey(r => r.KeyId);
    }
}
