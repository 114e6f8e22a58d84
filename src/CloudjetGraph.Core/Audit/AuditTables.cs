using CloudjetGraph.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.Core.Audit;

/// <summary>The profile database's audit trail.</summary>
internal static class AuditTables
{
    extension(CloudjetDbContext db)
    {
        /// <summary>The chained audit trail (operations, releases, denials); rows are only ever added.</summary>
        public DbSet<AuditEntry> AuditEntries => db.Set<AuditEntry>();

        /// <summary>The profiles of each audit entry, indexed by profile.</summary>
        public DbSet<AuditEntryProfile> AuditEntryProfiles => db.Set<AuditEntryProfile>();

        /// <summary>What is left of entries pruned by retention: sequence, link and the checkpoint that attests them.</summary>
        public DbSet<AuditPrunedEntry> AuditPrunedEntries => db.Set<AuditPrunedEntry>();
    }
}
