using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Fields;
using CloudjetGraph.Core.KeyStore;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.Core.Profiles;
using CloudjetGraph.Core.Protection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.Benchmarks;

/// <summary>
/// Opens benchmark profile number <c>i</c> as the gateway does (found by the login blind index,
/// access tag checked, person key loaded from the key store, every field opened) and compares each
/// value with what it was seeded with: proof that the seeded rows, and the job's, are the gateway's.
/// </summary>
public sealed class KeyJobBenchChecker(CloudjetDbContext db, BlindIndex blindIndex, PersonKeyStore personKeys, ProfileSealer sealer, ProfileAccessTag accessTag, IPasswordHasher<Profile> passwordHasher)
{
    public async Task CheckAsync(int index, bool checkPassword)
    {
        var expected = KeyJobBenchProfiles.ValuesOf(index);
        var entries = blindIndex.CandidatesForEmail(BlindIndexColumn.ProfileLoginEmail, expected[ProfileField.LoginEmail]!);
        var profile = await db.Profiles.AsNoTracking().SingleAsync(p => entries.Contains(p.LoginEmailIndex));
        if (!accessTag.Check(profile))
        {
            throw new InvalidOperationException($"Benchmark profile {index} fails its access tag.");
        }

        await personKeys.LoadAsync([profile.Id], CancellationToken.None);
        foreach (var field in ProfileFields.Sealed)
        {
            if (sealer.Open(profile, field) != expected[field])
            {
                throw new InvalidOperationException($"Field {field} of benchmark profile {index} does not read back as seeded.");
            }
        }

        if (checkPassword && passwordHasher.VerifyHashedPassword(profile, await sealer.OpenPasswordHashAsync(profile, CancellationToken.None) ?? "", KeyJobBenchProfiles.Password) == PasswordVerificationResult.Failed)
        {
            throw new InvalidOperationException($"The password hash of benchmark profile {index} does not verify.");
        }
    }
}
