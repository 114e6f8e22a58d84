using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Protection;

namespace CloudjetGraph.Core.Profiles;

/// <summary>
/// Reads and writes the sealed personal columns of a <see cref="Profile"/>, keeping the blind
/// indexes of email and login email in step with their values.
/// </summary>
public sealed class ProfileSealer(FieldCipher cipher, BlindIndex blindIndex)
{
    /// <summary>The logical table name bound into every sealed profile value.</summary>
    public const string Table = "profiles";

    /// <summary>Decrypts one field; null when the field holds no value.</summary>
    /// <exception cref="FieldIntegrityException">The stored value does not belong here or was altered.</exception>
    public string? Open(Profile profile, ProfileField field)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var sealedValue = Column(profile, field);
        return sealedValue is null ? null : cipher.Open(sealedValue, Binding(profile, field));
    }

    /// <summary>Encrypts one field (null clears it) and refreshes its blind index.</summary>
    public void Seal(Profile profile, ProfileField field, string? value)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var sealedValue = value is null ? null : cipher.Seal(value, Binding(profile, field));
        switch (field)
        {
            case ProfileField.FullName: profile.FullName = sealedValue; break;
            case ProfileField.Email: profile.Email = sealedValue; profile.EmailIndex = IndexOf(value); break;
            case ProfileField.Phone: profile.Phone = sealedValue; break;
            case ProfileField.Skype: profile.Skype = sealedValue; break;
            case ProfileField.Department: profile.Department = sealedValue; break;
            case ProfileField.JobTitle: profile.JobTitle = sealedValue; break;
            case ProfileField.LoginEmail: profile.LoginEmail = sealedValue; profile.LoginEmailIndex = IndexOf(value); break;
            default: throw new ArgumentOutOfRangeException(nameof(field), field, "Not a sealed field.");
        }
    }

    private byte[]? IndexOf(string? email) => email is null ? null : blindIndex.ForEmail(email);

    private static byte[]? Column(Profile profile, ProfileField field) => field switch
    {
        ProfileField.FullName => profile.FullName,
        ProfileField.Email => profile.Email,
        ProfileField.Phone => profile.Phone,
        ProfileField.Skype => profile.Skype,
        ProfileField.Department => profile.Department,
        ProfileField.JobTitle => profile.JobTitle,
        ProfileField.LoginEmail => profile.LoginEmail,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a sealed field."),
    };

    private static FieldBinding Binding(Profile profile, ProfileField field) =>
        new(Table, ProfileFields.NameOf(field), profile.Id);
}
