using CloudjetGraph.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.Core.Onboarding;

/// <summary>The profile database's invitations.</summary>
internal static class InvitationTables
{
    extension(CloudjetDbContext db)
    {
        /// <summary>Single-use sign-up invitations, stored as code hashes.</summary>
        public DbSet<Invitation> Invitations => db.Set<Invitation>();
    }
}
