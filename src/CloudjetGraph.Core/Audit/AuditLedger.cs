using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.Fields;

namespace CloudjetGraph.Core.Audit;

/// <summary>
/// One request's audit events: the personal fields released to staff per purpose and profile, and the denials.
/// Resolvers add to it as they run (in parallel, hence the lock); the HTTP handler commits it, and
/// waits for the commit, before it writes the response. Owners reading their own profile are not
/// recorded: that is no disclosure, and the owner's own reads would drown their access log.
/// Denials go to the <see cref="DenialAggregator"/>, which appends them per caller and window.
/// </summary>
public sealed class AuditLedger(IAuditSink trail, AccessPolicy policy, StaffPurposes purposes, DenialAggregator denials)
{
    /// <summary>How a field released as a masked hint is listed.</summary>
    public const string MaskedSuffix = ":masked";

    private readonly Lock _gate = new();
    // Per purpose and disclosure, per profile: one request may serve two purposes (an authority export
    // beside a correction), or make two disclosures under different holds, which must stay apart.
    private readonly Dictionary<(string Purpose, AuthorityDisclosure? Disclosure), Dictionary<Guid, SortedSet<string>>> _released = [];
    private readonly Dictionary<Guid, string?> _policyVersions = [];
    private readonly HashSet<(string Target, string Code)> _denied = [];
    private readonly Dictionary<Guid, HashSet<string>> _deniedProfiles = [];
    private Caller? _caller;

    /// <summary>
    /// Records that <paramref name="field"/> of profile <paramref name="profileId"/> went to
    /// <paramref name="caller"/> for <paramref name="purpose"/> (by default the one its role serves),
    /// while its person had accepted <paramref name="policyVersion"/>, as part of
    /// <paramref name="disclosure"/> when it went to a competent authority; only staff releases
    /// (roles with a row scope) are kept.
    /// </summary>
    public void Released(Caller caller, Guid profileId, string? policyVersion, ProfileField field, FieldAccess access, string? purpose = null, AuthorityDisclosure? disclosure = null)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!policy.IsStaff(caller))
        {
            return;
        }

        var served = purpose ?? purposes.Of(caller.Role) ?? throw new InvalidOperationException($"The staff role {caller.Role} serves no purpose.");
        var name = ProfileFields.NameOf(field) + (access == FieldAccess.Masked ? MaskedSuffix : string.Empty);
        lock (_gate)
        {
            _caller = caller;
            if (!_released.TryGetValue((served, disclosure), out var profiles))
            {
                _released[(served, disclosure)] = profiles = [];
            }

            if (!profiles.TryGetValue(profileId, out var fields))
            {
                profiles[profileId] = fields = new SortedSet<string>(StringComparer.Ordinal);
            }

            fields.Add(name);
            _policyVersions[profileId] = policyVersion;
        }
    }

    /// <summary>
    /// Records the refusal that answered <paramref name="caller"/> at <paramref name="target"/>
    /// (<c>Type.field</c>, on a profile when one is given) when the trail keeps it: an access denial
    /// by the <see cref="AccessPolicy"/>, or a personal field withheld by the per-caller cap. Other
    /// refusals (login's limits among them, so that guessing cannot flood the trail) are not kept.
    /// </summary>
    /// <returns>Whether the refusal was an access denial.</returns>
    public bool Refused(Caller caller, string target, DomainException refusal, Guid? profileId)
    {
        ArgumentNullException.ThrowIfNull(refusal);
        var denial = refusal.Code is ErrorCodes.NotAuthorized or ErrorCodes.NotAuthenticated;
        if (denial || (refusal.Code == ErrorCodes.RateLimited && profileId is not null))
        {
            Denied(caller, target, refusal.Code, profileId);
        }

        return denial;
    }

    /// <summary>
    /// Records a read refused whole because <paramref name="caller"/>'s personal-record cap was
    /// already spent (<see cref="Refused"/> keeps the cap's refusals only per profile), so the trail
    /// shows who kept asking past the cap, aggregated like any denial.
    /// </summary>
    public void RefusedPastCap(Caller caller, string target) => Denied(caller, target, ErrorCodes.RateLimited, null);

    // Bounded whatever the page: the distinct fields, and a sample of the profiles they were on.
    private void Denied(Caller caller, string target, string code, Guid? profileId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        lock (_gate)
        {
            _caller = caller;
            _denied.Add((target, code));
            if (profileId is not { } id)
            {
                return;
            }

            if (!_deniedProfiles.TryGetValue(id, out var fields))
            {
                if (_deniedProfiles.Count == DenialTally.MaxProfiles)
                {
                    return;
                }

                _deniedProfiles[id] = fields = new HashSet<string>(StringComparer.Ordinal);
            }

            fields.Add(target[(target.IndexOf('.', StringComparison.Ordinal) + 1)..]);
        }
    }

    /// <summary>
    /// Appends the request's release entry and, when it is the first of its caller and operation in
    /// the window, its denial entry, and waits until they are durable; later denials are only counted.
    /// An anonymous caller's denials are counted by <paramref name="clientAddress"/>.
    /// </summary>
    /// <exception cref="AuditTrailUnavailableException">The trail could not be written.</exception>
    public Task CommitAsync(string? operationName, string? clientAddress, CancellationToken cancellationToken)
    {
        List<AuditEntryDraft> drafts = [];
        lock (_gate)
        {
            if (_caller is not { } caller)
            {
                return Task.CompletedTask;
            }

            var operation = operationName ?? string.Empty;
            foreach (var ((purpose, disclosure), profiles) in _released.OrderBy(p => p.Key.Purpose, StringComparer.Ordinal).ThenBy(p => p.Key.Disclosure?.ToString(), StringComparer.Ordinal))
            {
                drafts.Add(new AuditEntryDraft(
                    AuditEntryKinds.Release, OperationActor.Of(caller), operation, $"{profiles.Count} profiles", OperationOutcomes.Succeeded, string.Empty,
                    profiles.ToDictionary(p => p.Key, p => string.Join(',', p.Value)),
                    purpose,
                    profiles.Keys.ToDictionary(id => id, id => _policyVersions[id]),
                    disclosure));
            }

            if (_denied.Count > 0
                && denials.Add(OperationActor.Refused(caller, clientAddress), operation, new RefusedRequest(_denied.ToHashSet(), _deniedProfiles.ToDictionary(p => p.Key, p => (IReadOnlySet<string>)p.Value))) is { } first)
            {
                drafts.Add(first);
            }

            _released.Clear();
            _policyVersions.Clear();
            _denied.Clear();
            _deniedProfiles.Clear();
        }

        return drafts.Count == 0 ? Task.CompletedTask : trail.AppendAsync(drafts, cancellationToken);
    }
}
