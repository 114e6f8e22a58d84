using CloudjetGraph.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.Core.KeyStore;

/// <summary>The profile database's side of its pairing with the key store.</summary>
internal static class StorePairingTables
{
    extension(CloudjetDbContext db)
    {
        /// <summary>The id this database shares with its key store; one row once they are paired.</summary>
        public DbSet<StorePairing> StorePairing => db.Set<StorePairing>();
    }
}
