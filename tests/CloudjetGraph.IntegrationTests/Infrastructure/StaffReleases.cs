using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.Fields;
using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>
/// The proof that every staff read is audited: the responses a test host served to staff tokens it
/// minted, each checked on disposal against the trail, like <see cref="LogPrivacy"/> checks logs.
/// Each response's personal fields per profile (present, and without an error at their path) must
/// equal, exactly, the profile rows of one release entry of that subject and role. When the response
/// left errors out (at most 100 are kept), a null field without an error may have been refused: the
/// entry must then list every field that has a value, and may list those null ones too.
/// </summary>
public sealed partial class StaffReleases
{
    private static readonly HashSet<string> PersonalFields = [.. Enum.GetValues<ProfileField>().Where(ProfileFields.IsPersonal).Select(ProfileFields.NameOf)];
    private readonly ConcurrentDictionary<string, (string Role, string Subject)> _staffTokens = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Role, string Subject, ServedFields Fields)> _served = new();

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
        if (fields.Released.Count > 0)
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
            var match = releases.FindIndex(e => e.ActorRole == role && e.ActorSubject == subject && fields.Match(e.Fields));
            Assert.True(match >= 0, $"A response to {role} {subject} released {string.Join("; ", fields.Released.Select(f => $"{f.Key}: {string.Join(',', f.Value)}"))} and no audit entry lists exactly that.");
            releases.RemoveAt(match);
        }
    }

    private static HashSet<string> Unmasked(string fields) =>
        [.. fields.Split(',').Select(f => f.Replace(AuditLedger.MaskedSuffix, string.Empty, StringComparison.Ordinal))];

    private static ServedFields ReleasedFields(GraphQLResponse response)
    {
        var errorPaths = response.Errors.Select(e => e?["path"]?.ToJsonString()).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var errorsLeftOut = response.Errors.Any(e => e?["extensions"]?["code"]?.GetValue<string>() == ErrorCodes.LimitExceeded && e["extensions"]?["limit"]?.GetValue<string>() == "errors");
        var served = new ServedFields([], []);
        Walk(response.Data!, new JsonArray(), errorPaths, errorsLeftOut, served);
        return served;
    }

    private static void Walk(JsonNode node, JsonArray path, HashSet<string> errorPaths, bool errorsLeftOut, ServedFields served)
    {
        if (node is JsonObject profile && profile["id"] is JsonValue idValue && idValue.TryGetValue<string>(out var idText) && Guid.TryParse(idText, out var id))
        {
            foreach (var (name, value) in profile.Where(p => PersonalFields.Contains(p.Key)))
            {
                if (!errorPaths.Contains(Extend(path, name).ToJsonString()))
                {
                    served.Add(id, name, mayBeRefused: errorsLeftOut && value is null);
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
                        Walk(child, Extend(path, name), errorPaths, errorsLeftOut, served);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is { } child)
                    {
                        Walk(child, Extend(path, i), errorPaths, errorsLeftOut, served);
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

    /// <summary>What one response served: the fields surely released, per profile, and those that may have been (null, their error left out).</summary>
    private sealed record ServedFields(Dictionary<Guid, HashSet<string>> Released, Dictionary<Guid, HashSet<string>> Possible)
    {
        public void Add(Guid profileId, string field, bool mayBeRefused)
        {
            var fields = mayBeRefused ? Possible : Released;
            if (!fields.TryGetValue(profileId, out var names))
            {
                fields[profileId] = names = [];
            }

            names.Add(field);
        }

        // Every released field is recorded, and nothing is recorded beyond what may have been released.
        public bool Match(Dictionary<Guid, HashSet<string>> recorded) =>
            Released.All(r => recorded.TryGetValue(r.Key, out var fields) && r.Value.IsSubsetOf(fields))
            && recorded.All(r => r.Value.IsSubsetOf(Released.GetValueOrDefault(r.Key, []).Union(Possible.GetValueOrDefault(r.Key, []))));
    }

    // An alias on a personal field hides its name from this check; such a query is left to the targeted tests.
    [GeneratedRegex(@"\w+\s*:\s*(fullName|email|phone|skype|department|jobTitle|loginEmail|consent)\b")]
    private static partial Regex AliasedPersonalField();
}
