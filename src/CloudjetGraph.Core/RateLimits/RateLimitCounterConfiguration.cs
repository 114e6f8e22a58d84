using CloudjetGraph.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CloudjetGraph.Core.RateLimits;

internal sealed class RateLimitCounterConfiguration : IEntityTypeConfiguration<RateLimitCounter>, IProfileDatabaseConfiguration
{
    /// <summary>The stored table name, which <see cref="SharedRateLimitCounters"/>' SQL names too.</summary>
    public const string Table = "RateLimitCounters";

    public void Configure(EntityTypeBuilder<RateLimitCounter> counter)
    {
        counter.ToTable(Table);
        counter.HasKey(c => new { c.LimitName, c.PartitionHash });
        counter.Property(c => c.LimitName).HasMaxLength(40);
        counter.Property(c => c.PartitionHash).HasMaxLength(64);

        // Pruning deletes by window.
        counter.HasIndex(c => c.WindowStart);
    }
}
