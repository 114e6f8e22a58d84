using CloudjetGraph.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CloudjetGraph.Core.KeyRing;

internal sealed class DataKeyConfiguration : IEntityTypeConfiguration<DataKey>, IProfileDatabaseConfiguration
{
    public void Configure(EntityTypeBuilder<DataKey> dataKey)
    {
        dataKey.ToTable("DataKeys");

        // Never two active keys of one purpose, even when two rotations race: the database
        // refuses the second. A bare boolean column is a valid filter on SQLite and PostgreSQL.
        dataKey.HasIndex(k => k.Purpose).IsUnique().HasFilter("\"IsActive\"");
    }
}
