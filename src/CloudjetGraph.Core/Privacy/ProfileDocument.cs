using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.Fields;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.Core.Profiles;

namespace CloudjetGraph.Core.Privacy;

/// <summary>
/// Writes a profile as a JSON document shaped like the schema's <c>Profile</c> type, with every
/// field the caller may read and no other, each released through <see cref="ProfileRelease"/>.
/// </summary>
public sealed class ProfileDocument(ProfileRelease release)
{
    // Readable text: the document is data for a person or an authority, never embedded in HTML.
    private static readonly JsonSerializerOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The fields the caller may read of the profile, whose organisation must be loaded, released for
    /// <paramref name="purpose"/> (by default the one the caller's role serves), as part of
    /// <paramref name="disclosure"/> when they go to a competent authority.
    /// </summary>
    /// <exception cref="DomainException"><see cref="ErrorCodes.DataIntegrity"/> when the row's access tag did not verify.</exception>
    /// <exception cref="Protection.FieldIntegrityException">A stored value failed its integrity check.</exception>
    internal ReleasedProfile Release(Caller caller, Profile profile, string? purpose = null, AuthorityDisclosure? disclosure = null)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (!profile.AccessVerified)
        {
            // A document is whole or nothing: a partial one would pass for everything stored.
            throw new DomainException(ErrorCodes.DataIntegrity, "This profile failed its integrity check and was withheld.");
        }

        var document = new JsonObject();
        var fields = new List<string>();
        foreach (var field in Enum.GetValues<ProfileField>().Where(field => release.AccessOf(caller, profile, field) != FieldAccess.None))
        {
            document[ProfileFields.NameOf(field)] = PersonalFieldCatalogue.TryGet(field, out _)
                ? release.Release(caller, profile, field, purpose: purpose, disclosure: disclosure)
                : Plain(caller, profile, field, purpose, disclosure);
            fields.Add(ProfileFields.NameOf(field));
        }

        return new ReleasedProfile(document, fields);
    }

    /// <summary>The document as text.</summary>
    public static string Write(JsonObject document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return document.ToJsonString(Options);
    }

    private JsonNode? Plain(Caller caller, Profile profile, ProfileField field, string? purpose, AuthorityDisclosure? disclosure)
    {
        release.Demand(caller, profile, field, purpose, disclosure);
        return field switch
        {
            ProfileField.Id => profile.Id,
            ProfileField.Organization => profile.Organization is { } organization ? new JsonObject { ["id"] = organization.Id, ["name"] = organization.Name } : null,
            ProfileField.Consent => new JsonObject
            {
                ["acceptedAt"] = profile.ConsentAcceptedAt,
                ["policyVersion"] = profile.ConsentPolicyVersion,
                ["withdrawnAt"] = profile.ConsentWithdrawnAt,
            },
            ProfileField.CreatedAt => profile.CreatedAt,
            ProfileField.UpdatedAt => profile.UpdatedAt,
            _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a plain profile field."),
        };
    }
}
