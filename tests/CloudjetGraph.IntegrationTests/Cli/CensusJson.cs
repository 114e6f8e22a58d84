using System.Text.Json.Nodes;
using CloudjetGraph.Core.Fields;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Cli;

/// <summary>Expected census JSON, and the sealed values of a host counted apart from the census's own query.</summary>
public static class CensusJson
{
    /// <summary>The ring keys' ids, in the census's order.</summary>
    public static List<string> MasterKeyIds(JsonNode census) => census["masterKeys"]!.AsArray().Select(key => key!["id"]!.GetValue<string>()).ToList();

    /// <summary>A data key's census as <c>keys list --json</c> prints it (format 2 only), compact.</summary>
    public static string Census(long sealedValues = 0, long indexEntries = 0, long accessTags = 0, long personKeys = 0) =>
        $$"""{"sealedValues":{{(sealedValues == 0 ? "{}" : $$"""{"2":{{sealedValues}}}""")}},"indexEntries":{{indexEntries}},"accessTags":{{accessTags}},"personKeys":{{personKeys}}}""";

    public static Func<JsonNode, bool> Purpose(string purpose) => key => key["purpose"]!.GetValue<string>() == purpose;

    /// <summary>The data keys of a <c>keys list --json</c> output.</summary>
    public static List<JsonNode> DataKeys(JsonNode census) => census["dataKeys"]!.AsArray().Select(k => k!).ToList();

    /// <summary>The data key with this id.</summary>
    public static JsonNode DataKey(JsonNode census, Guid id) => DataKeys(census).Single(k => k["id"]!.GetValue<string>() == id.ToString());

    /// <summary>The id of the active key of a purpose.</summary>
    public static Guid ActiveKeyId(JsonNode census, string purpose) =>
        Guid.Parse(DataKeys(census).Single(k => Purpose(purpose)(k) && k["state"]!.GetValue<string>() == "active")["id"]!.GetValue<string>());

    /// <summary>Non-null sealed columns, counted from loaded rows rather than from grouped headers.</summary>
    public static int SealedValuesIn(CloudjetApplication host) =>
        host.WithDb(db => db.Profiles.ToList()).Sum(SealedValuesOf);

    /// <summary>One profile's non-null sealed columns, its password hash included.</summary>
    public static int SealedValuesOf(Profile profile) =>
        ProfileFields.Sealed.Count(field => IsSealed(profile, field)) + (profile.PasswordHash is null ? 0 : 1);

    private static bool IsSealed(Profile profile, ProfileField field) => field switch
    {
        ProfileField.FullName => profile.FullName is not null,
        ProfileField.Email => profile.Email is not null,
        ProfileField.Phone => profile.Phone is not null,
        ProfileField.Skype => profile.Skype is not null,
        ProfileField.Department => profile.Department is not null,
        ProfileField.JobTitle => profile.JobTitle is not null,
        ProfileField.LoginEmail => profile.LoginEmail is not null,
        _ => throw new ArgumentOutOfRangeException(nameof(field)),
    };
}
