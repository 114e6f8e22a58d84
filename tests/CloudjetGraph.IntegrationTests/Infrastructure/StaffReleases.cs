using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Fields;
using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>
/// The proof that every staff read is audited: the responses a test host served to staff tokens it
/// minted, each checked on disposal against the trail, like <see cref="LogPrivacy"/> checks logs.
/// Each response's personal fields per profile (present, and without an error at their path) must
/// equal, exactly, the profile rows of one release entry of that subject and role.
/// </summary>
public sealed partial class StaffReleases
{
    private static readonly HashSet<string> PersonalFields = [.. Enum.GetValues<ProfileField>().Where(ProfileFields.IsPersonal).Select(ProfileFields.NameOf)];
    private readonly ConcurrentDictionary<string, (string Role, string Subject)> _staffTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Role, string Subject, Dictionary<Guid, string> Fields)> _served = new();

    /// <summary>Remembers a staff token this host minted.</summary>
    public void Minted(string token, string role, string subject) => _staffTokens[token] = (role, subject);

    /// <summary>Keeps a response to a staff token when it released personal fields.</summary>
    public void Served(string? token, string query, GraphQLResponse response)
    {
        if (token is null || !_staffTokens.TryGetValue(token, out var staff) || response.Status != HttpStatusCode.OK || response.Data is null
            || AliasedPersonalField().IsMatch(query))
        {
            return;
        }

        var fields = ReleasedFields(response);
        if (fields.Count > 0)
        {
            _served.Enqueue((staff.Role, staff.Subject, fields));
        }
    }

    /// <summary>How many staff responses with personal data were kept.</summary>
    public int Count => _served.Count;

    /// <summary>Fails naming the first staff response that has no release entry listing exactly its fields.</summary>
    public void AssertAudited(CloudjetDbContext db)
    {
        var releases = db.AuditEntries.AsNoTracking().Include(e => e.Profiles).Where(e => e.Kind == AuditEntryKinds.Release).ToList()
            .Select(e => (e.ActorRole, e.ActorSubject, Fields: e.Profiles.ToDictionary(p => p.ProfileId, p => Unmasked(p.Fields))))
            .ToList();
        foreach (var (role, subject, fields) in _served)
        {
            var match = releases.FindIndex(e => e.ActorRole == role && e.ActorSubject == subject && Same(e.Fields, fields));
            Assert.True(match >= 0, $"A response to {role} {subject} released {string.Join("; ", fields.Select(f => $"{f.Key}: {f.Value}"))} and no audit entry lists exactly that.");
            releases.RemoveAt(match);
        }
    }

    private static bool Same(Dictionary<Guid, string> recorded, Dictionary<Guid, string> served) =>
        recorded.Count == served.Count && served.All(s => recorded.TryGetValue(s.Key, out var fields) && fields == s.Value);

    private static string Unmasked(string fields) => string.Join(',', fields.Split(',').Select(f => f.Replace(AuditLedger.MaskedSuffix, string.Empty, StringComparison.Ordinal)).Order(StringComparer.Ordinal));

    private static Dictionary<Guid, string> ReleasedFields(GraphQLResponse response)
    {
        var errorPaths = response.Errors.Select(e => e?["path"]?.ToJsonString()).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var released = new Dictionary<Guid, SortedSet<string>>();
        Walk(response.Data!, new JsonArray(), errorPaths, released);
        return released.Where(r => r.Value.Count > 0).ToDictionary(r => r.Key, r => string.Join(',', r.Value));
    }

    private static void Walk(JsonNode node, JsonArray path, HashSet<string> errorPaths, Dictionary<Guid, SortedSet<string>> released)
    {
        if (node is JsonObject profile && profile["id"] is JsonValue idValue && idValue.TryGetValue<string>(out var idText) && Guid.TryParse(idText, out var id)
            && profile.Any(p => PersonalFields.Contains(p.Key)))
        {
            if (!released.TryGetValue(id, out var fields))
            {
                released[id] = fields = new SortedSet<string>(StringComparer.Ordinal);
            }

            foreach (var (name, _) in profile.Where(p => PersonalFields.Contains(p.Key)))
            {
                if (!errorPaths.Contains(Extend(path, name).ToJsonString()))
                {
                    fields.Add(name);
                }
            }
        }

        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    if (child is not null)
                    {
                        Walk(child, Extend(path, name), errorPaths, released);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is { } child)
                    {
                        Walk(child, Extend(path, i), errorPaths, released);
                    }
                }

                break;
        }
    }

    private static JsonArray Extend(JsonArray path, object segment)
    {
        var extended = new JsonArray([.. path.Select(p => p?.DeepClone())]);
        extended.Add(segment is int index ? JsonValue.Create(index) : JsonValue.Create((string)segment));
        return extended;
    }

    // An alias on a personal field hides its name from this check; such a query is left to the targeted tests.
    [GeneratedRegex(@"\w+\s*:\s*(fullName|email|phone|skype|department|jobTitle|loginEmail|consent)\b")]
    private static partial Regex AliasedPersonalField();
}
