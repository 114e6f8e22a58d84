using CloudjetGraph.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.Core.Authorization;

/// <summary>The profile database's staff assignments, which row scopes read.</summary>
internal static class StaffAssignmentTables
{
    extension(CloudjetDbContext db)
    {
        /// <summary>Which organisations each sales or support staff member serves.</summary>
        public DbSet<StaffAssignment> StaffAssignments => db.Set<StaffAssignment>();
    }
}
