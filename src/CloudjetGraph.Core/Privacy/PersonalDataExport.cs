using System.Text.Json.Nodes;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.Core.Profiles;

namespace CloudjetGraph.Core.Privacy;

/// <summary>
/// The owner's copy of their data (POLICY.md §7, access and portability): one JSON document with
/// every field of their profile they may read, their organisation, consent record and times, their
/// processing restriction, whole consent history and every staff read of their profile (the access log, by role).
/// Recorded as <see cref="PrivacyOperationNames.ExportMyData"/> with the field names, never the values.
/// </summary>
public sealed class PersonalDataExport(
    ProfileDirectory directory,
    ProfileDocument document,
    ConsentHistory consentHistory,
    AccessLogReader accessLog,
    OperationLog log,
    TimeProvider time)
{
    /// <summary>The caller's own data as a JSON document.</summary>
    /// <exception cref="DomainException">
    /// <see cref="ErrorCodes.NotAuthenticated"/> without a token, <see cref="ErrorCodes.NotAuthorized"/> for
    /// staff, <see cref="ErrorCodes.NotFound"/> when the profile is gone, <see cref="ErrorCodes.DataIntegrity"/>
    /// when its row failed its check. Each refusal is recorded.
    /// </exception>
    public async Task<string> ExportAsync(Caller caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var target = caller.OwnProfileId?.ToString() ?? string.Empty;
        var result = await log.RunAsync(
            OperationActor.Of(caller),
            PrivacyOperationNames.ExportMyData,
            target,
            async ct =>
            {
                var profile = await directory.FindOwnAsync(caller, ct) ?? throw new DomainException(ErrorCodes.NotFound, "The profile does not exist.");
                var released = document.Release(caller, profile);
                var export = new JsonObject
                {
                    ["exportedAt"] = time.GetUtcNow(),
                    ["profile"] = released.Document,
                    ["processingRestriction"] = RestrictionOf(profile),
                    ["consentHistory"] = ConsentHistoryOf(await consentHistory.ReadAsync(profile.Id, ct)),
                    ["accessLog"] = AccessLogOf(await accessLog.ReadAllAsync(profile.Id, ct)),
                };
                return (Text: ProfileDocument.Write(export), released.Fields);
            },
            result => new OperationSummary(target, $"Released {string.Join(", ", result.Fields)}."),
            cancellationToken);
        return result.Text;
    }

    private static JsonObject? RestrictionOf(Profile profile) =>
        profile.RestrictedAt is { } since ? new JsonObject { ["since"] = since, ["reason"] = profile.RestrictionReason, ["placedBy"] = profile.RestrictedBy } : null;

    // A restriction's events carry its reason and who placed or lifted it; the others have neither.
    private static JsonArray ConsentHistoryOf(IEnumerable<ConsentEvent> events) =>
        [.. events.Select(e => e.RestrictionReason is null
            ? new JsonObject { ["kind"] = e.Kind, ["policyVersion"] = e.PolicyVersion, ["at"] = e.At }
            : new JsonObject { ["kind"] = e.Kind, ["policyVersion"] = e.PolicyVersion, ["at"] = e.At, ["reason"] = e.RestrictionReason, ["by"] = e.By })];

    // As me { accessLog } shows it: a disclosure with its law and provision, never the authority's request reference.
    private static JsonArray AccessLogOf(IEnumerable<AccessLogEntry> reads) =>
        [.. reads.Select(r => new JsonObject
        {
            ["at"] = r.At, ["kind"] = r.Kind, ["role"] = r.Role, ["purpose"] = r.Purpose, ["policyVersion"] = r.PolicyVersion, ["operation"] = r.Operation,
            ["fields"] = new JsonArray([.. r.Fields.Select(f => JsonValue.Create(f))]),
            ["legalBasis"] = r.Disclosure is { } disclosure ? new JsonObject { ["law"] = disclosure.Law, ["article"] = disclosure.Article } : null,
            ["confidentialUntil"] = r.Disclosure?.ConfidentialUntil,
        })];
}
