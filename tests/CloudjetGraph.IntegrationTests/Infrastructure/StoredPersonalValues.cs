using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Profiles;
using CloudjetGraph.Core.Protection;
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
