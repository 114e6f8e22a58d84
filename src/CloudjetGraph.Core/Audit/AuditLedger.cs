using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Errors;

namespace CloudjetGraph.Core.Audit;

/// <summary>
/// One request's audit events: the personal fields released to staff per profile, and the denials.
/// Resolvers add to it as they run (in parallel, hence the lock); the HTTP handler commits it, and
/// waits for the commit, before it writes the response. Owners reading their own profile are not
/// recorded: that is no disclosure, and the owner's own reads would drown their access log.
/// </summary>
public sealed class AuditLedger(IAuditSink trail, AccessPolicy policy)
{
    /// <summary>How a field released as a masked hint is listed.</summary>
    public const string MaskedSuffix = ":masked";

    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, SortedSet<string>> _released = [];
    private readonly Dictionary<(string Target, string Code), SortedSet<Guid>> _denied = [];
    private Caller? _caller;

    /// <summary>Records that <paramref name="field"/> of profile <paramref name="profileId"/> went to <paramref name="caller"/>; only staff releases (roles with a row scope) are kept.</summary>
    public void Released(Caller caller, Guid profileId, ProfileField field, FieldAccess access)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!policy.IsStaff(caller))
        {
            return;
        }

        var name = ProfileFields.NameOf(field) + (access == FieldAccess.Masked ? MaskedSuffix : string.Empty);
        lock (_gate)
        {
            _caller = caller;
            if (!_released.TryGetValue(profileId, out var fields))
            {
                _released[profileId] = fields = new SortedSet<string>(StringComparer.Ordinal);
            }

            fields.Add(name);
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

    private void Denied(Caller caller, string target, string code, Guid? profileId)
    {
        ArgumentNullException.ThrowIfNull(caller);
        lock (_gate)
        {
            _caller = caller;
            if (!_denied.TryGetValue((target, code), out var profiles))
            {
                _denied[(target, code)] = profiles = [];
            }

            if (profileId is { } id)
            {
                profiles.Add(id);
            }
        }
    }

    /// <summary>Whether nothing was recorded.</summary>
    public bool IsEmpty
    {
        get
        {
            lock (_gate)
            {
                return _released.Count == 0 && _denied.Count == 0;
            }
        }
    }

    /// <summary>Appends the request's entries (one release entry, one per distinct denial) and waits until they are durable.</summary>
    /// <exception cref="AuditTrailUnavailableException">The trail could not be written.</exception>
    public Task CommitAsync(string? operationName, CancellationToken cancellationToken)
    {
        List<AuditEntryDraft> drafts;
        lock (_gate)
        {
            if (_caller is not { } caller)
            {
                return Task.CompletedTask;
            }

            var actor = OperationActor.Of(caller);
            var operation = operationName ?? string.Empty;
            drafts = [];
            if (_released.Count > 0)
            {
                drafts.Add(new AuditEntryDraft(
                    AuditEntryKinds.Release, actor, operation, $"{_released.Count} profiles", OperationOutcomes.Succeeded, string.Empty,
                    _released.ToDictionary(p => p.Key, p => string.Join(',', p.Value))));
            }

            foreach (var ((target, code), profiles) in _denied.OrderBy(d => d.Key.Target, StringComparer.Ordinal).ThenBy(d => d.Key.Code, StringComparer.Ordinal))
            {
                var field = target[(target.IndexOf('.', StringComparison.Ordinal) + 1)..];
                drafts.Add(new AuditEntryDraft(AuditEntryKinds.Denial, actor, operation, target, OperationOutcomes.Refused, code, profiles.ToDictionary(id => id, _ => field)));
            }

            _released.Clear();
            _denied.Clear();
        }

        return trail.AppendAsync(drafts, cancellationToken);
    }
}
