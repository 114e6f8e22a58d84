using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Fields;
using CloudjetGraph.Core.KeyStore;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.Core.Profiles;
using CloudjetGraph.Core.Protection;
using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.Core.Breaches;

/// <summary>
/// The contact emails of the people a breach affected, decrypted for notifying them (POLICY.md §6)
/// and nowhere else: only the Cli's <c>audit report</c> calls this, inside its own audited operation.
/// A profile erased since (its person key shredded, or the row gone) has no email to give: null.
/// </summary>
public sealed class BreachContacts(CloudjetDbContext db, PersonKeyStore personKeys, ProfileSealer sealer)
{
    /// <summary>Each profile's contact email, null when it can no longer be read.</summary>
    public async Task<IReadOnlyDictionary<Guid, string?>> EmailsAsync(IReadOnlyCollection<Guid> profileIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profileIds);
        var profiles = await db.Profiles.AsNoTracking().Where(p => profileIds.Contains(p.Id)).ToListAsync(cancellationToken);
        await personKeys.LoadAsync(profiles.Select(p => p.Id), cancellationToken);
        var emails = profileIds.ToDictionary(id => id, _ => (string?)null);
        foreach (var profile in profiles)
        {
            try
            {
                emails[profile.Id] = sealer.Open(profile, ProfileField.Email);
            }
            catch (FieldIntegrityException)
            {
                // Shredded or altered: the report lists the profile without an address.
            }
        }

        return emails;
    }
}
