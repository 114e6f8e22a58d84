using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.Fields;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.Core.Profiles;
using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.Core.Privacy;

/// <summary>
/// Corrections on a customer's request (POLICY.md §7) by management, or by support within its
/// assigned organisations: the value rules of the owner's own edits, a required request reference,
/// and compare-and-swap on the version. Recorded as <see cref="PrivacyOperationNames.CorrectProfile"/>
/// with the profile id, the names of the fields changed and the reference, never the values.
/// </summary>
public sealed class ProfileCorrections(CloudjetDbContext db, ProfileVisibility visibility, ProfileAccessTag accessTag, ProfileEditor editor, OperationLog log)
{
    /// <summary>Applies the correction; nothing is written unless every rule holds.</summary>
    /// <exception cref="DomainException">
    /// <see cref="ErrorCodes.NotAuthenticated"/>; <see cref="ErrorCodes.NotAuthorized"/> for other roles or a
    /// field that is not editable; <see cref="ErrorCodes.Validation"/> for the reference or a value;
    /// <see cref="ErrorCodes.NotFound"/> for a profile that does not exist or is out of reach;
    /// <see cref="ErrorCodes.DataIntegrity"/>; <see cref="ErrorCodes.Conflict"/> on a concurrent edit.
    /// Each refusal is recorded.
    /// </exception>
    public async Task<Profile> CorrectAsync(Caller caller, CorrectionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var id = Guid.TryParse(request.ProfileId, out var parsed) ? parsed : (Guid?)null;
        var target = RecordedProfileId.Of(request.ProfileId);
        var result = await log.RunAsync(
            OperationActor.Of(caller),
            PrivacyOperationNames.CorrectProfile,
            target,
            async ct =>
            {
                var reference = RequestReference.Check(request.RequestReference);
                Check(request.Changes);
                var profile = await FindAsync(caller, id, ct);
                await editor.ApplyAsync(profile, request.Changes, ct);
                return (Profile: profile, Reference: reference);
            },
            result => new OperationSummary(target, $"Corrected {string.Join(", ", request.Changes.Keys.Select(ProfileFields.NameOf))} on request {result.Reference}"),
            cancellationToken);
        return result.Profile;
    }

    private static void Check(IReadOnlyDictionary<ProfileField, string?> changes)
    {
        if (changes.Count == 0)
        {
            throw new DomainException(ErrorCodes.Validation, "input must change at least one field.", "input");
        }

        if (changes.Keys.Where(field => !IsEditable(field)).Select(ProfileFields.NameOf).FirstOrDefault() is { } fixedField)
        {
            throw new DomainException(ErrorCodes.NotAuthorized, $"{fixedField} cannot be corrected.", fixedField);
        }

        ProfileEditor.Check(changes);
    }

    private static bool IsEditable(ProfileField field) => PersonalFieldCatalogue.TryGet(field, out var descriptor) && descriptor.Editable;

    // Out of reach answers exactly like an unknown id, as profile(id) does.
    private async Task<Profile> FindAsync(Caller caller, Guid? id, CancellationToken cancellationToken)
    {
        var profile = id is { } known
            ? await visibility.Profiles(db.Profiles.Include(p => p.Organization), caller).SingleOrDefaultAsync(p => p.Id == known, cancellationToken)
            : null;
        if (profile is null)
        {
            throw new DomainException(ErrorCodes.NotFound, "The profile does not exist.");
        }

        if (!accessTag.Check(profile))
        {
            // Re-stamping would bless whatever was written into the row behind the gateway's back.
            throw new DomainException(ErrorCodes.DataIntegrity, "This profile failed its integrity check and cannot be corrected.");
        }

        return profile;
    }
}
