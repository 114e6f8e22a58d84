namespace CloudjetGraph.Core.Fields;

/// <summary>Names and traits of <see cref="ProfileField"/> values.</summary>
public static class ProfileFields
{
    /// <summary>Fields that hold personal data and are sealed column by column: those of <see cref="PersonalFieldCatalogue"/>.</summary>
    public static IReadOnlyList<ProfileField> Sealed { get; } = [.. PersonalFieldCatalogue.All.Select(d => d.Field)];

    /// <summary>Fields that may be granted as <see cref="Authorization.FieldAccess.Masked"/>: those with a mask in the catalogue.</summary>
    public static IReadOnlyList<ProfileField> Maskable { get; } = [.. PersonalFieldCatalogue.All.Where(d => d.Mask is not null).Select(d => d.Field)];

    /// <summary>The camelCase schema name of a field.</summary>
    public static string NameOf(ProfileField field) => EnumNames.Of(field);

    /// <summary>Parses a schema field name, case-insensitively.</summary>
    public static bool TryParse(string? name, out ProfileField field) => EnumNames.TryParse(name, out field);

    /// <summary>Whether a field is personal data (sealed, or the consent record).</summary>
    public static bool IsPersonal(ProfileField field) => field == ProfileField.Consent || Sealed.Contains(field);
}
