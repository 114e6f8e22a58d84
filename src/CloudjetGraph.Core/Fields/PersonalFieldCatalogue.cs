using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using CloudjetGraph.Core.Protection;

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
        new(new(p => p.FullName), PersonalValueRule.Text)
        {
            Field = ProfileField.FullName, StoredName = "fullName",
            MaxLength = 200, Required = true, Editable = true,
            Description = "Full name.", EditDescription = "Full name; cannot be cleared.",
            SignUpDescription = "Full name, 1 to 200 characters.",
        },
        new(new(p => p.Email), PersonalValueRule.Email)
        {
            Field = ProfileField.Email, StoredName = "email", BlindIndex = new(p => p.EmailIndex), IndexColumn = BlindIndexColumn.ProfileEmail,
            MaxLength = EmailAddressRule.MaxAsciiLength, Required = true, Editable = true,
            Description = "Contact email.", EditDescription = "Contact email; cannot be cleared. The login email does not change.",
            SignUpDescription = "Email address; must not belong to another account.",
        },
        new(new(p => p.Phone), PersonalValueRule.Phone)
        {
            Field = ProfileField.Phone, StoredName = "phone",
            MaxLength = 32, Mask = PhoneMask.Apply, Editable = true,
            Description = "Phone number; support sees only its last 3 digits.", EditDescription = "Phone number.",
            SignUpDescription = "Phone number, 8 to 15 digits.",
        },
        new(new(p => p.Skype), PersonalValueRule.Handle)
        {
            Field = ProfileField.Skype, StoredName = "skype",
            MaxLength = 64, Editable = true,
            Description = "Skype handle.", EditDescription = "Skype handle.", SignUpDescription = "Skype handle.",
        },
        new(new(p => p.Department), PersonalValueRule.Text)
        {
            Field = ProfileField.Department, StoredName = "department",
            MaxLength = 100, Editable = true,
            Description = "Department.", EditDescription = "Department.", SignUpDescription = "Department.",
        },
        new(new(p => p.JobTitle), PersonalValueRule.Text)
        {
            Field = ProfileField.JobTitle, StoredName = "jobTitle",
            MaxLength = 100, Editable = true,
            Description = "Job title.", EditDescription = "Job title.", SignUpDescription = "Job title.",
        },
        new(new(p => p.LoginEmail), PersonalValueRule.Email)
        {
            // Not editable: it is the account's login, changed only through a verified flow. Not asked
            // at sign-up either: it is the email given there.
            Field = ProfileField.LoginEmail, StoredName = "loginEmail", BlindIndex = new(p => p.LoginEmailIndex), IndexColumn = BlindIndexColumn.ProfileLoginEmail,
            MaxLength = EmailAddressRule.MaxAsciiLength, Required = true,
            Description = "The email used to log in.",
        },
    ];

    /// <summary>The fields that can be changed after sign-up.</summary>
    public static IReadOnlyList<PersonalField> Editable { get; } = [.. All.Where(field => field.Editable)];

    /// <summary>The fields a person gives at sign-up.</summary>
    public static IReadOnlyList<PersonalField> AtSignUp { get; } = [.. All.Where(field => field.SignUpDescription is not null)];

    // Looked up on every field a response resolves.
    private static readonly FrozenDictionary<ProfileField, PersonalField> ByField = All.ToFrozenDictionary(d => d.Field);

    /// <summary>The descriptor of a sealed field.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The field is not sealed.</exception>
    public static PersonalField Of(ProfileField field) =>
        TryGet(field, out var descriptor) ? descriptor : throw new ArgumentOutOfRangeException(nameof(field), field, "Not a sealed field.");

    /// <summary>The descriptor of a field, when it is sealed.</summary>
    public static bool TryGet(ProfileField field, [NotNullWhen(true)] out PersonalField? descriptor) => ByField.TryGetValue(field, out descriptor);
}
