using CloudjetGraph.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CloudjetGraph.Core.KeyStore;

/// <summary>The same single-row table in both databases: the profile database takes it by its marker, the key store applies it itself.</summary>
internal sealed class StorePairingConfiguration : IEntityTypeConfiguration<StorePairing>, IProfileDatabaseConfiguration
{
    public void Configure(EntityTypeBuilder<StorePairing> pairing) => pairing.ToTable(nameof(StorePairing));
}
