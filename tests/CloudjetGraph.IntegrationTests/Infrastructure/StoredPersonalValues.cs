using System.Collections.Concurrent;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Fields;
using CloudjetGraph.Core.KeyStore;
using CloudjetGraph.Core.ProfileRecords;
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

    // Values opened by earlier hosts, keyed by the sealed bytes themselves: hosts copied from one
    // template hold the same demo profiles, which are then opened once per run instead of once per
    // host. An edited or re-encrypted value is new bytes, so it is opened through its own host; a
    // value that failed to open is never remembered.
    private static readonly ConcurrentDictionary<string, string> OpenedBefore = new();

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
    /// As <see cref="All"/>, for a host's disposal check: values an earlier host opened from the same
    /// sealed bytes are taken as opened then, and the person keys of the rest are brought into the
    /// host's cache in one key store query, as a page does, instead of one query per profile. A test
    /// of how keys are fetched must not see it.
    /// </summary>
    public static async Task<IReadOnlyList<string>> AllAfterLoadingKeysAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var profiles = await scope.ServiceProvider.GetRequiredService<CloudjetDbContext>().Profiles.AsNoTracking().ToListAsync();
        var sealedCells = profiles.SelectMany(profile => ProfileFields.Sealed.Select(field => (Profile: profile, Field: field, Key: CellKey(profile, field)))).Where(cell => cell.Key is not null).ToList();
        var unopened = sealedCells.Where(cell => !OpenedBefore.ContainsKey(cell.Key!)).ToList();
        await scope.ServiceProvider.GetRequiredService<PersonKeyStore>().LoadAsync([.. unopened.Select(cell => cell.Profile.Id).Distinct()], CancellationToken.None);

        var sealer = scope.ServiceProvider.GetRequiredService<ProfileSealer>();
        foreach (var (profile, field, key) in unopened)
        {
            if (OpenOrNull(sealer, profile, field) is { } value)
            {
                OpenedBefore[key!] = value;
            }
        }

        return sealedCells.Select(cell => OpenedBefore.GetValueOrDefault(cell.Key!)).OfType<string>().Where(v => v.Length >= MinimumSearchableLength).Distinct().ToList();
    }

    private static string? CellKey(Profile profile, ProfileField field) =>
        PersonalFieldCatalogue.Of(field).Column.Get(profile) is { } sealedValue ? $"{profile.Id}/{field}/{Convert.ToBase64String(sealedValue)}" : null;

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
