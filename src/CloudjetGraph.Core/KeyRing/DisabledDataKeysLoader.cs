using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Protection;
using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.Core.KeyRing;

/// <summary>Reads which data keys are disabled or scheduled for destruction into <see cref="DataKeyRing"/>.</summary>
public sealed class DisabledDataKeysLoader(CloudjetDbContext db, DataKeyRing ring, IUnwrappedKeyCache personKeys)
{
    /// <summary>Reloads the set from the database.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        // A scheduled key keeps its DisabledAt, so every instance treats it as disabled.
        var keys = await db.DataKeys.AsNoTracking()
            .Where(k => k.DisabledAt != null && k.DestroyedAt == null)
            .Select(k => new DisabledDataKey(k.Id, k.Purpose))
            .ToListAsync(cancellationToken);
        // The cache does not know which data key wraps each person key, so all go when a key becomes
        // disabled; they reload from the key store on the next read, through the ring's check.
        if (ring.ReplaceDisabled(keys))
        {
            personKeys.Clear();
        }
    }
}
