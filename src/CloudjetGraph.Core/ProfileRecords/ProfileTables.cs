using CloudjetGraph.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.Core.ProfileRecords;

/// <summary>The profile database's tables of organisations and their people, and of the people's records removed.</summary>
internal static class ProfileTables
{
    extension(CloudjetDbContext db)
    {
        /// <summary>Customer organisations.</summary>
        public DbSet<Organization> Organizations => db.Set<Organization>();

        /// <summary>Profiles with sealed personal columns.</summary>
        public DbSet<Profile> Profiles => db.Set<Profile>();

        /// <summary>Profiles per organisation, kept by triggers on <c>Profiles</c>; read only.</summary>
        public DbSet<OrganizationProfileCount> OrganizationProfileCounts => db.Set<OrganizationProfileCount>();

        /// <summary>Profiles erased and bound invitations removed: ids and times, for the compromise report.</summary>
        public DbSet<StoredRecordRemoval> StoredRecordRemovals => db.Set<StoredRecordRemoval>();
    }
}
