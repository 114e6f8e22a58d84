using CloudjetGraph.Core.Fields;

namespace CloudjetGraph.Api.GraphQL.Profiles;

/// <summary>Reads a change input: the editable fields of the catalogue it names, a null clearing one.</summary>
internal static class ProfileChanges
{
    public static Dictionary<ProfileField, string?> Of(Dictionary<string, object?> input) =>
        PersonalFieldCatalogue.Editable
            .Where(d => input.ContainsKey(d.SchemaName))
            .ToDictionary(d => d.Field, d => input[d.SchemaName] as string);
}
