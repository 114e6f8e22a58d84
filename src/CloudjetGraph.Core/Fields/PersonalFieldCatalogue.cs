using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace CloudjetGraph.Core.Fields;

/// <summary>
/// The sealed personal fields of a profile, in schema order. Adding one means a descriptor here, a
/// property on <see cref="ProfileRecords.Profile"/>, a <see cref="ProfileField"/> member and a migration; the
/// sealer, the rules, the census, the rekey, the graph types and the release path follow from it.
/// </summary>
public static class PersonalFieldCatalogue
{
    /// <summary>Every sealed personal field.</summary>
    public static IReadOnlyList<PersonalField> All { get; } =
    [
        new()
        {
            Field = ProfileField.FullName, StoredName = "fullName", Column = new(p => p.FullName),
            Rule = PersonalValueRule.Text, MaxLength = 200, Required = true, Editable = true,
            Description = "Full name.", EditDescription = "Full name; cannot be cleared.",
        },
        new()
        {
            Field = ProfileField.Email, StoredName = "email", Column = new(p => p.Email), BlindIndex = new(p => p.EmailIndex),
            Rule = PersonalValueRule.Email, MaxLength = EmailAddressRule.MaxAsciiLength, Required = true, Editable = true,
            Description = "Contact email.", EditDescription = "Contact email; cannot be cleared. The login email does not change.",
        },
        new()
        {
            Field = ProfileField.Phone, StoredName = "phone", Column = new(p => p.Phone),
            Rule = PersonalValueRule.Phone, MaxLength = 32, Mask = PhoneMask.Apply, Editable = true,
            Description = "Phone number; support sees only its last 3 digits.", EditDescription = "Phone number.",
        },
        new()
        {
            Field = ProfileField.Skype, StoredName = "skype", Column = new(p => p.Skype),
            Rule = PersonalValueRule.Handle, MaxLength = 64, Editable = true,
            Description = "Skype handle.", EditDescription = "Skype handle.",
        },
        new()
        {
            Field = ProfileField.Department, StoredName = "department", Column = new(p => p.Department),
            Rule = PersonalValueRule.Text, MaxLength = 100, Editable = true,
            Description = "Department.", EditDescription = "Department.",
        },
        new()
        {
            Field = ProfileField.JobTitle, StoredName = "jobTitle", Column = new(p => p.JobTitle),
            Rule = PersonalValueRule.Text, MaxLength = 100, Editable = true,
            Description = "Job title.", EditDescription = "Job title.",
        },
        new()
        {
            // Not editable: it is the account's login, changed only through a verified flow.
            Field = ProfileField.LoginEmail, StoredName = "loginEmail", Column = new(p => p.LoginEmail), BlindIndex = new(p => p.LoginEmailIndex),
            Rule = PersonalValueRule.Email, MaxLength = EmailAddressRule.MaxAsciiLength, Required = true,
            Description = "The email used to log in.",
        },
    ];

    /// <summary>The fields that can be changed after sign-up.</summary>
    public static IReadOnlyList<PersonalField> Editable { get; } = [.. All.Where(field => field.Editable)];

    // Looked up on every field a response resolves.
    private static readonly FrozenDictionary<ProfileField, PersonalField> ByField = All.ToFrozenDictionary(d => d.Field);

    /// <summary>The descriptor of a sealed field.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The field is not sealed.</exception>
    public static PersonalField Of(ProfileField field) =>
        TryGet(field, out var descriptor) ? descriptor : throw new ArgumentOutOfRangeException(nameof(field), field, "Not a sealed field.");

    /// <summary>The descriptor of a field, when it is sealed.</summary>
    public static bool TryGet(ProfileField field, [NotNullWhen(true)] out PersonalField? descriptor) => ByField.TryGetValue(field, out descriptor);
}
