using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Profiles;
using CloudjetGraph.Core.Protection;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>Checks captured log lines for personal values, tokens and key material.</summary>
public static class LogPrivacy
{
    /// <summary>Markers every test-made personal value carries (see <see cref="Owners.NewInput"/>), and the JWT prefix.</summary>
    private static readonly string[] Markers = ["Kiểm Thử", "kiem.thu.", "kiemthu", "912 345 678", "correct horse battery", "eyJ", "<masterKey"];

    /// <summary>Every stored personal value of the host, decrypted through its own services.</summary>
    public static IReadOnlyList<string> StoredPersonalValues(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var sealer = scope.ServiceProvider.GetRequiredService<ProfileSealer>();
        var values = new List<string>();
        foreach (var profile in scope.ServiceProvider.GetRequiredService<CloudjetDbContext>().Profiles.ToList())
        {
            foreach (var field in ProfileFields.Sealed)
            {
                try
                {
                    values.AddRange(sealer.Open(profile, field) is { Length: >= 4 } value ? [value] : []);
                }
                catch (FieldIntegrityException)
                {
                    // Tampered on purpose by an integrity test; nothing to look for.
                }
            }
        }

        return values;
    }

    /// <summary>Fails naming the first log line that holds a secret, without printing the secret.</summary>
    public static void AssertClean(IEnumerable<string> lines, IEnumerable<string> personalValues)
    {
        var secrets = personalValues.Concat(Markers).Distinct().ToList();
        foreach (var line in lines)
        {
            var leaked = secrets.FindIndex(secret => line.Contains(secret, StringComparison.OrdinalIgnoreCase));
            Assert.True(leaked < 0, $"A log line holds secret #{leaked}: {line[..Math.Min(line.Length, 80)]}...");
        }
    }
}
