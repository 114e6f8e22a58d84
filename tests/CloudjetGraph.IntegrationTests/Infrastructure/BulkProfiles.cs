using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Fields;
using CloudjetGraph.Core.KeyStore;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.Core.Profiles;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>Many profiles written the way sign-up writes them (key first, sealed values, access tag), fast enough for thousands.</summary>
public static class BulkProfiles
{
    public static async Task<List<Guid>> AddAsync(IServiceProvider services, Guid organizationId, int count)
    {
        using var scope = services.CreateScope();
        var sealer = scope.ServiceProvider.GetRequiredService<ProfileSealer>();
        var accessTag = scope.ServiceProvider.GetRequiredService<ProfileAccessTag>();
        var db = scope.ServiceProvider.GetRequiredService<CloudjetDbContext>();
        var now = DateTimeOffset.UtcNow;
        var profiles = Enumerable.Range(0, count).Select(_ => new Profile
        {
            Id = Guid.CreateVersion7(),
            OrganizationId = organizationId,
            ConsentAcceptedAt = now,
            ConsentPolicyVersion = "2019-04-22",
            CreatedAt = now,
            UpdatedAt = now,
        }).ToList();
        var keys = await scope.ServiceProvider.GetRequiredService<PersonKeyStore>().CreateAsync(profiles.Select(p => p.Id).ToList(), CancellationToken.None);
        foreach (var (profile, key) in profiles.Zip(keys))
        {
            var n = profile.Id.ToString("N")[^8..];
            sealer.Seal(profile, key, ProfileField.FullName, $"Bulk Person {n}");
            sealer.Seal(profile, key, ProfileField.Email, $"bulk.{n}@bulk.example");
            sealer.Seal(profile, key, ProfileField.Phone, $"090 {n[..3]} {n[3..7]}");
            sealer.Seal(profile, key, ProfileField.JobTitle, "Original title");
            sealer.SealPasswordHash(profile, key, $"hash-of-{n}");
            accessTag.Stamp(profile);
        }

        db.Profiles.AddRange(profiles);
        await db.SaveChangesAsync();
        return profiles.Select(p => p.Id).ToList();
    }
}
