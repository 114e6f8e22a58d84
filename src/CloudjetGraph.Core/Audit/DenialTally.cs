using System.Globalization;

namespace CloudjetGraph.Core.Audit;

/// <summary>
/// The refusals one denial entry stands for: how many requests, how many of them refused each field
/// with each code, and a sample of the profiles they were on. Its size does not grow with the number
/// of requests: the fields are the schema's, and the sample stops at <see cref="MaxProfiles"/>.
/// </summary>
internal sealed class DenialTally
{
    /// <summary>The most profile rows one denial entry carries.</summary>
    public const int MaxProfiles = 10;

    private static readonly Comparer<(string Target, string Code)> Ordinal = Comparer<(string Target, string Code)>.Create((a, b) =>
        string.CompareOrdinal(a.Target, b.Target) is var byTarget and not 0 ? byTarget : string.CompareOrdinal(a.Code, b.Code));

    private readonly SortedDictionary<(string Target, string Code), long> _refusals = new(Ordinal);
    private readonly SortedDictionary<Guid, SortedSet<string>> _profiles = [];

    /// <summary>How many requests were added.</summary>
    public long Requests { get; private set; }

    /// <summary>Counts one more refused request.</summary>
    public void Add(RefusedRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Requests++;
        foreach (var refusal in request.Refusals)
        {
            _refusals[refusal] = _refusals.GetValueOrDefault(refusal) + 1;
        }

        foreach (var (id, fields) in request.Profiles)
        {
            if (!_profiles.TryGetValue(id, out var kept))
            {
                if (_profiles.Count == MaxProfiles)
                {
                    continue;
                }

                _profiles[id] = kept = new SortedSet<string>(StringComparer.Ordinal);
            }

            kept.UnionWith(fields);
        }
    }

    /// <summary>
    /// The entry: target, the refused fields (<c>Type.field</c>, comma-separated); detail,
    /// <paramref name="counted"/> first, then <c>requests=N</c> and, per field and code, how many
    /// of those requests it was refused in; a profile row per sampled profile.
    /// </summary>
    public AuditEntryDraft ToDraft(OperationActor actor, string operation, string counted = "")
    {
        var targets = string.Join(',', _refusals.Keys.Select(r => r.Target).Distinct());
        var counts = _refusals.Select(r => string.Create(CultureInfo.InvariantCulture, $"; {r.Key.Target} {r.Key.Code}={r.Value}"));
        var detail = string.Create(CultureInfo.InvariantCulture, $"{counted}requests={Requests}{string.Concat(counts)}");
        return new AuditEntryDraft(
            AuditEntryKinds.Denial, actor, operation, targets, OperationOutcomes.Refused, detail, _profiles.ToDictionary(p => p.Key, p => string.Join(',', p.Value)));
    }

    /// <summary>The tally of one request alone.</summary>
    public static DenialTally Of(RefusedRequest request)
    {
        var tally = new DenialTally();
        tally.Add(request);
        return tally;
    }
}
