using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Data.Engines;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CloudjetGraph.Core.Audit;

/// <summary>The audit trail could not be written; whatever needed the entry must not happen (a response with personal data is not sent).</summary>
public sealed class AuditTrailUnavailableException : Exception
{
    /// <summary>Creates the exception with the fixed message.</summary>
    public AuditTrailUnavailableException()
        : base("The audit trail could not be written; nothing that needs an audit entry was released.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public AuditTrailUnavailableException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause (kept for the log, never shown).</summary>
    public AuditTrailUnavailableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Throws unless <paramref name="database"/> exists and is migrated to this version; checks before anything could create it.</summary>
    internal static async Task ThrowIfNotMigratedAsync(DatabaseFacade database, CancellationToken cancellationToken)
    {
        if (!await DatabaseSchema.IsCurrentAsync(database, cancellationToken))
        {
            throw new AuditTrailUnavailableException($"The database ({database.Engine().Describe(database.GetConnectionString())}) does not exist or is not migrated to this version; start the gateway once to migrate it.");
        }
    }
}
