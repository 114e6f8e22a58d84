using System.Globalization;
using System.Text.Json.Nodes;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.Profiles;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Core.Privacy;

/// <summary>
/// Disclosure of one profile to a competent state authority (POLICY.md §5), by management only, on
/// a stated legal basis. Recorded as <see cref="PrivacyOperationNames.ExportForAuthority"/> with the
/// legal basis, the names of the fields released and any confidentiality hold; every refusal is
/// recorded too. Its release serves a legal obligation, whatever purpose management's other reads
/// serve, and is recorded as a disclosure (<see cref="AuthorityDisclosure"/>), which the owner's
/// access log shows as such once any hold has ended.
/// </summary>
public sealed class AuthorityExport(
    ProfileDirectory directory, ProfileDocument document, OperationLog log, TimeProvider time, IOptions<ConfidentialityHoldOptions> holds)
{
    /// <summary>The profile's fields as a JSON document with the legal basis.</summary>
    /// <param name="caller">Who asks; only management may.</param>
    /// <param name="profileId">The profile, as the client sent it.</param>
    /// <param name="legalBasis">The law, the provision and the authority's request, unchecked.</param>
    /// <param name="confidentialUntil">Until when the authority asked that the person not be shown the disclosure, unchecked; null for no hold.</param>
    /// <param name="admit">
    /// Counts the disclosure of the found profile against the caller's limits (the gateway's
    /// personal-record cap and daily disclosure limit), and throws to refuse it: called after the
    /// checks and before any field is opened, so a refused export decrypts nothing and is recorded.
    /// </param>
    /// <param name="cancellationToken">Cancels the export (the record is written still).</param>
    /// <exception cref="DomainException">
    /// <see cref="ErrorCodes.NotAuthenticated"/>, <see cref="ErrorCodes.NotAuthorized"/> for any role but
    /// management, <see cref="ErrorCodes.Validation"/> for a legal basis whose part is missing or breaks its grammar
    /// or a hold that does not end in the future within <see cref="ConfidentialityHoldOptions.MaxConfidentialityHold"/>,
    /// <see cref="ErrorCodes.NotFound"/> for an unknown id, <see cref="ErrorCodes.DataIntegrity"/>, or what
    /// <paramref name="admit"/> throws.
    /// </exception>
    public async Task<string> ExportAsync(
        Caller caller, string profileId, LegalBasisRequest legalBasis, DateTimeOffset? confidentialUntil, Func<Guid, CancellationToken, Task> admit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(legalBasis);
        ArgumentNullException.ThrowIfNull(admit);
        var id = Guid.TryParse(profileId, out var parsed) ? parsed : (Guid?)null;
        var target = RecordedProfileId.Of(profileId);
        var result = await log.RunAsync(
            OperationActor.Of(caller),
            PrivacyOperationNames.ExportForAuthority,
            target,
            async ct =>
            {
                var basis = LegalBasis.Check(legalBasis.Law, legalBasis.Article, legalBasis.RequestReference);
                var hold = ConfidentialityHold.Check(confidentialUntil, time.GetUtcNow(), holds.Value.MaxConfidentialityHold);
                var profile = (id is { } known ? await directory.FindAsync(caller, known, ct, purpose: Purposes.LegalObligation) : null)
                    ?? throw new DomainException(ErrorCodes.NotFound, "The profile does not exist.");
                await admit(profile.Id, ct);

                // A legal obligation: a restriction of processing does not stop the disclosure.
                var released = document.Release(caller, profile, Purposes.LegalObligation, new AuthorityDisclosure(basis.Law, basis.Article, hold));
                var export = new JsonObject { ["exportedAt"] = time.GetUtcNow(), ["legalBasis"] = new JsonObject { ["law"] = basis.Law, ["article"] = basis.Article, ["requestReference"] = basis.RequestReference }, ["profile"] = released.Document };
                return (Text: ProfileDocument.Write(export), released.Fields, Basis: basis, Hold: hold);
            },
            result => new OperationSummary(target, $"Released {string.Join(", ", result.Fields)} on the legal basis: {result.Basis}{HoldOf(result.Hold)}"),
            cancellationToken);
        return result.Text;
    }

    // The hold and its end stay in the operation's record for auditors, whatever the owner is shown.
    private static string HoldOf(DateTimeOffset? hold) =>
        hold is { } end ? $"; confidential until {end.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)}" : string.Empty;
}
