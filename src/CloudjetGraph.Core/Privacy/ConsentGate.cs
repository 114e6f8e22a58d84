using CloudjetGraph.Core.Authentication;
using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.Profiles;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Core.Privacy;

/// <summary>
/// Refuses an owner who is behind the current policy version past its grace period
/// (<see cref="ReconsentRule"/>) every operation but those of <see cref="AccessOperations.WithoutCurrentConsent"/>.
/// Staff and key custodians pass without a lookup; an owner's accepted version comes from the
/// cache their token's security stamp was just checked in.
/// </summary>
public sealed class ConsentGate(PolicyVersions versions, OwnerSecurityStamps accounts, IOptions<PolicyOptions> policy, TimeProvider time)
{
    /// <summary>The refusal for <paramref name="caller"/> running <paramref name="operation"/>, or null when it may run.</summary>
    public async ValueTask<DomainException?> RefusalAsync(Caller caller, string operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.OwnProfileId is not { } profileId || AccessOperations.WithoutCurrentConsent.Contains(operation))
        {
            return null;
        }

        var current = versions.Current;
        var grace = policy.Value.ReacceptanceGracePeriod;
        var now = time.GetUtcNow();
        if (!ReconsentRule.GraceIsOver(now, current, grace))
        {
            // Still within the grace period: no owner is refused yet, and nothing is looked up.
            return null;
        }

        var accepted = await accounts.AcceptedPolicyVersionAsync(profileId, cancellationToken);
        return ReconsentRule.IsRequired(now, current, grace, accepted)
            ? new DomainException(ErrorCodes.ConsentRequired, $"Accept the privacy policy version {current.Version} (acceptPolicy) to run {operation}; you may still read, export or delete your data, or withdraw your consent.")
            : null;
    }
}
