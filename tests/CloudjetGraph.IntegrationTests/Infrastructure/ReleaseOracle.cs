using System.Collections.Concurrent;
using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Fields;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.Core.Profiles;
using CloudjetGraph.Core.Protection;
using CloudjetGraph.Core.Seeding;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>
/// What a response may hold, worked out from the database and the field matrix independently of
/// the gateway's read path: for each caller, the stored personal values it must never see (values
/// it may read anywhere are left out, so a name shared by two people is not a false alarm), and
/// every stored ciphertext and password hash, which nobody may see.
/// </summary>
public sealed class ReleaseOracle
{
    // Shorter values ("An", "IT") would match unrelated text.
    private const int MinimumSearchableLength = 5;

    private readonly List<(Guid ProfileId, Guid OrganizationId, ProfileField Field, string Value)> _values = [];
    private readonly Dictionary<string, HashSet<Guid>> _assignments;
    private readonly FieldMatrix _matrix;
    private readonly ConcurrentDictionary<(DefaultRole Role, string? Subject), IReadOnlySet<string>> _forbidden = new();

    /// <summary>Base64 prefixes of every sealed column and every password hash.</summary>
    public IReadOnlyList<string> StoredSecrets { get; }

    public ReleaseOracle(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var sealer = scope.ServiceProvider.GetRequiredService<ProfileSealer>();
        var db = scope.ServiceProvider.GetRequiredService<CloudjetDbContext>();
        _matrix = scope.ServiceProvider.GetRequiredService<FieldMatrix>();
        var secrets = new List<string>();
        foreach (var profile in db.Profiles.ToList())
        {
            foreach (var field in ProfileFields.Sealed)
            {
                try
                {
                    if (sealer.Open(profile, field) is { Length: >= MinimumSearchableLength } value)
                    {
                        _values.Add((profile.Id, profile.OrganizationId, field, value));
                    }
                }
                catch (FieldIntegrityException)
                {
                    // Tampered on purpose by an integrity test: its ciphertext is still listed below.
                }
            }

            secrets.AddRange(ProfileSealer.SealedValues(profile)
                .OfType<byte[]>().Select(bytes => Convert.ToBase64String(bytes)[..24]));
            if (profile.PasswordHash is not null && OpenHashOrNull(sealer, profile) is { } hash)
            {
                secrets.Add(hash[..Math.Min(hash.Length, 24)]);
            }
        }

        StoredSecrets = secrets;
        _assignments = db.StaffAssignments.ToList()
            .GroupBy(a => a.StaffSubject)
            .ToDictionary(g => g.Key, g => g.Select(a => a.OrganizationId).ToHashSet(), StringComparer.Ordinal);
        OwnerId = _values.FirstOrDefault(v => v.Field == ProfileField.LoginEmail && v.Value == DemoDataSeeder.DemoOwnerEmail).ProfileId;
    }

    /// <summary>The demo owner's profile id.</summary>
    public Guid OwnerId { get; }

    /// <summary>The personal values, lower-cased, that a caller (a role and, for staff, its demo subject) must never receive.</summary>
    public IReadOnlySet<string> ForbiddenFor(DefaultRole role, string? staffSubject) =>
        _forbidden.GetOrAdd((role, staffSubject), key =>
        {
            var readable = _values.Where(v => MayRead(key.Role, key.Subject, v.ProfileId, v.OrganizationId, v.Field)).Select(v => v.Value.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
            return _values.Select(v => v.Value.ToLowerInvariant()).Where(value => !readable.Contains(value)).ToHashSet(StringComparer.Ordinal);
        });

    private bool MayRead(DefaultRole role, string? staffSubject, Guid profileId, Guid organizationId, ProfileField field)
    {
        if (_matrix.AccessOf(role.AsRole(), field) < FieldAccess.Read)
        {
            return false;
        }

        return _matrix.ScopeOf(role.AsRole()) switch
        {
            RowScope.All => true,
            RowScope.AssignedOrganizations => staffSubject is not null && _assignments.TryGetValue(staffSubject, out var organizations) && organizations.Contains(organizationId),
            RowScope.Own => profileId == OwnerId,
            _ => false,
        };
    }

    private static string? OpenHashOrNull(ProfileSealer sealer, Profile profile)
    {
        try
        {
            return sealer.OpenPasswordHashAsync(profile, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (FieldIntegrityException)
        {
            // Tampered on purpose by an integrity test: its ciphertext is still listed.
            return null;
        }
    }
}
