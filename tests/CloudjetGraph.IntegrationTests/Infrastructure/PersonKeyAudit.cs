using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.Core.Profiles;
using CloudjetGraph.Core.Protection;

namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>Checks the person keys against the profiles from key rows and headers: one key per profile, none orphaned, every value under its profile's key.</summary>
public static class PersonKeyAudit
{
    /// <summary>Every problem found, one line each, naming ids only; empty when clean.</summary>
    public static List<string> Problems(CloudjetApplication host)
    {
        var keys = host.WithKeyStore(store => store.PersonKeys.Select(k => new { k.Id, k.ProfileId }).ToList());
        var profiles = host.WithDb(db => db.Profiles.ToList());
        var profileIds = profiles.Select(p => p.Id).ToHashSet();
        var problems = keys.Where(k => !profileIds.Contains(k.ProfileId)).Select(k => $"key {k.Id} has no profile {k.ProfileId}").ToList();
        var keysByProfile = keys.GroupBy(k => k.ProfileId).ToDictionary(g => g.Key, g => g.Select(k => k.Id).ToList());
        foreach (var profile in profiles)
        {
            if (!keysByProfile.TryGetValue(profile.Id, out var own) || own.Count != 1)
            {
                problems.Add($"profile {profile.Id} has {own?.Count ?? 0} keys");
                continue;
            }

            problems.AddRange(ProfileSealer.SealedValues(profile).OfType<byte[]>()
                .Where(value => !SealedValueFormat.TryReadKeyId(value, out var keyId) || keyId != own[0])
                .Select(_ => $"profile {profile.Id} has a value not under its key {own[0]}"));
        }

        return problems;
    }
}
