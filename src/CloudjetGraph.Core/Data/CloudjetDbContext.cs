using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.Core.Data;

/// <summary>
/// The gateway's database: organisations, profiles, consent histories, invitations, staff assignments,
/// wrapped data keys, ring key revocations and the chained audit trail. Each feature declares its
/// entities, their configuration and their table (<c>db.Profiles</c>) in its own namespace.
/// </summary>
public sealed class CloudjetDbContext(DbContextOptions<CloudjetDbContext> options) : DbContext(options)
{
    /// <summary>
    /// <c>substr(bytes, start, length)</c> in SQL, 1-based, which SQLite and PostgreSQL both define for
    /// binary values: the key header of a stored entry is compared in the database. Only for queries.
    /// </summary>
    public static byte[] Substr(byte[] bytes, int start, int length) => throw new NotSupportedException("Only for queries, translated to SQL.");

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.HasDbFunction(typeof(CloudjetDbContext).GetMethod(nameof(Substr))!).HasName("substr").IsBuiltIn();

        // Each feature configures its own entities beside them; this database takes those marked for it.
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CloudjetDbContext).Assembly, type => type.IsAssignableTo(typeof(IProfileDatabaseConfiguration)));
    }
}
