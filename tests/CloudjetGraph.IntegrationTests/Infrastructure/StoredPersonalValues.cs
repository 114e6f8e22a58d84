using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.KeyStore;
using CloudjetGraph.Core.Profiles;
using CloudjetGraph.Core.Protection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>The personal values a host has stored, decrypted through its own services, to search for elsewhere.</summary>
public static class StoredPersonalValues
{
    // Shorter values ("An", "IT") would match unrelated bytes and text.
    private const int MinimumSearchableLength = 4;

    /// <summary>Per profile, its searchable personal values; a value tampered with on purpose is skipped.</summary>
    public static Dictionary<Guid, List<string>> ByProfile(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var sealer = scope.ServiceProvider.GetRequiredService<ProfileSealer>();
        return scope.ServiceProvider.GetRequiredService<CloudjetDbContext>().Profiles.ToList().ToDictionary(
            profile => profile.Id,
            profile => ProfileFields.Sealed.Select(field => OpenOrNull(sealer, profile, field)).OfType<string>().Where(v => v.Length >= MinimumSearchableLength).ToList());
    }

    /// <summary>Every searchable personal value, once.</summary>
    public static IReadOnlyList<string> All(IServiceProvider services) =>
        ByProfile(services).Values.SelectMany(values => values).Distinct().ToList();

    /// <summary>
    /// As <see cref="All"/>, with every profile's person key brought into the host's cache first in
    /// one key store query, as a page does, instead of one query per profile (about a second for the
    /// demo data). For a host's disposal check: a test of how keys are fetched must not see it.
    /// </summary>
    public static async Task<IReadOnlyList<string>> AllAfterLoadingKeysAsync(IServiceProvider services)
    {
        await using (var scope = services.CreateAsyncScope())
        {
            var profileIds = await scope.ServiceProvider.GetRequiredService<CloudjetDbContext>().Profiles.Select(profile => profile.Id).ToListAsync();
            await scope.ServiceProvider.GetRequiredService<PersonKeyStore>().LoadAsync(profileIds, CancellationToken.None);
        }

        return All(services);
    }

    private static string? OpenOrNull(ProfileSealer sealer, Profile profile, ProfileField field)
    {
        try
        {
            return sealer.Open(profile, field);
        }
        catch (FieldIntegrityException)
        {
            // Tampered on purpose by an integrity test; nothing to look for.
            return null;
        }
    }
}
