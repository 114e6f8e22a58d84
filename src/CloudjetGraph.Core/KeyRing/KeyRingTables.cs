using CloudjetGraph.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.Core.KeyRing;

/// <summary>The profile database's wrapped data keys and ring key revocations.</summary>
internal static class KeyRingTables
{
    extension(CloudjetDbContext db)
    {
        /// <summary>Data keys wrapped by the Data Protection key ring.</summary>
        public DbSet<DataKey> DataKeys => db.Set<DataKey>();

        /// <summary>Ring keys a custodian revoked; rows are only ever added.</summary>
        public DbSet<RingKeyRevocation> RingKeyRevocations => db.Set<RingKeyRevocation>();
    }
}
