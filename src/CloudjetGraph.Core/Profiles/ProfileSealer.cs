using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.KeyStore;
using CloudjetGraph.Core.Protection;

namespace CloudjetGraph.Core.Profiles;

/// <summary>
/// Reads and writes the sealed personal columns of a <see cref="Profile"/> under the profile's person
/// key, keeping the blind indexes of email and login email in step with their values.
/// </summary>
public sealed class ProfileSealer(FieldCipher cipher, BlindIndex blindIndex, PersonKeyStore personKeys)
{
    /// <summary>The stored table name bound into every sealed profile value.</summary>
    public const string Table = "profiles";

    /// <summary>
    /// Decrypts one field; null when the field holds no value. The person key is the one the value's
    /// header names (during a rekey a profile has two), normally from the cache (see <see cref="PersonKeyStore.LoadAsync"/>).
    /// </summary>
    /// <exception cref="FieldIntegrityException">The stored value does not belong here or was altered, or the person key is gone (shredded).</exception>
    public string? Open(Profile profile, ProfileField field)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var sealedValue = Column(profile, field);
        return sealedValue is null ? null : cipher.Open(sealedValue, personKeys.Get(profile.Id, SealedValueFormat.ReadKeyId(sealedValue)), Binding(profile, field));
    }

    /// <summary>Encrypts one field under the profile's person key (null clears it) and refreshes its blind index.</summary>
    public void Seal(Profile profile, PersonKey key, ProfileField field, string? value)
    {
        ArgumentNullException.ThrowIfNull(profile);
        CheckOwnKey(profile, key);
        var sealedValue = value is null ? null : cipher.Seal(value, key, Binding(profile, field));
        if (field == ProfileField.Email)
        {
            profile.EmailIndex = IndexOf(value);
        }
        else if (field == ProfileField.LoginEmail)
        {
            profile.LoginEmailIndex = IndexOf(value);
        }

        SetColumn(profile, field, sealedValue);
    }

    /// <summary>
    /// Re-seals every sealed value of the profile, fields and password hash, under <paramref name="newKey"/>
    /// (a rekey), opening each with the key its header names. Blind indexes stay as they are: the
    /// values do not change.
    /// </summary>
    /// <exception cref="FieldIntegrityException">A value does not belong here or was altered, or <paramref name="keyOf"/> has no key it names.</exception>
    public void Reseal(Profile profile, Func<Guid, PersonKey> keyOf, PersonKey newKey)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(keyOf);
        CheckOwnKey(profile, newKey);
        foreach (var field in ProfileFields.Sealed)
        {
            if (Column(profile, field) is { } sealedValue)
            {
                SetColumn(profile, field, Reseal(profile, sealedValue, keyOf, newKey, Binding(profile, field)));
            }
        }

        if (profile.PasswordHash is { } sealedHash)
        {
            profile.PasswordHash = Reseal(profile, sealedHash, keyOf, newKey, PasswordHashBinding(profile));
        }
    }

    /// <summary>The stored column name bound into a sealed password hash.</summary>
    public const string PasswordHashColumn = "passwordHash";

    /// <summary>Seals a password hash under the profile's person key.</summary>
    public void SealPasswordHash(Profile profile, PersonKey key, string hash)
    {
        ArgumentNullException.ThrowIfNull(profile);
        CheckOwnKey(profile, key);
        profile.PasswordHash = cipher.Seal(hash, key, PasswordHashBinding(profile));
    }

    /// <summary>Opens the password hash under the person key its header names; null when the account has none.</summary>
    /// <exception cref="FieldIntegrityException">The hash was moved or altered, or the person key is gone (shredded).</exception>
    public async Task<string?> OpenPasswordHashAsync(Profile profile, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (profile.PasswordHash is not { } sealedHash)
        {
            return null;
        }

        var key = await personKeys.GetAsync(profile.Id, SealedValueFormat.ReadKeyId(sealedHash), cancellationToken);
        return cipher.Open(sealedHash, key, PasswordHashBinding(profile));
    }

    /// <summary>
    /// The stored column name bound into a field's sealed values: a fixed string, never derived from
    /// the enum member, so that renaming a member cannot make stored values unreadable.
    /// </summary>
    public static string ColumnName(ProfileField field) => field switch
    {
        ProfileField.FullName => "fullName",
        ProfileField.Email => "email",
        ProfileField.Phone => "phone",
        ProfileField.Skype => "skype",
        ProfileField.Department => "department",
        ProfileField.JobTitle => "jobTitle",
        ProfileField.LoginEmail => "loginEmail",
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "Not a sealed field."),
    };

    private byte[]? IndexOf(string? email) => email is null ? null : blindIndex.ForEmail(email);

    /// <summary>Every sealed value stored in the profile row, fields and password hash, nulls included.</summary>
    public static IEnumerable<byte[]?> SealedValues(Profile profile) =>
        ProfileFields.Sealed.Select(field => Column(profile, field)).Append(profile.PasswordHash);

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

    private byte[] Reseal(Profile profile, byte[] sealedValue, Func<Guid, PersonKey> keyOf, PersonKey newKey, FieldBinding binding)
    {
        var key = keyOf(SealedValueFormat.ReadKeyId(sealedValue));
        CheckOwnKey(profile, key);
        return cipher.Seal(cipher.Open(sealedValue, key, binding), newKey, binding);
    }

    private static void SetColumn(Profile profile, ProfileField field, byte[]? sealedValue)
    {
        switch (field)
        {
            case ProfileField.FullName: profile.FullName = sealedValue; break;
            case ProfileField.Email: profile.Email = sealedValue; break;
            case ProfileField.Phone: profile.Phone = sealedValue; break;
            case ProfileField.Skype: profile.Skype = sealedValue; break;
            case ProfileField.Department: profile.Department = sealedValue; break;
            case ProfileField.JobTitle: profile.JobTitle = sealedValue; break;
            case ProfileField.LoginEmail: profile.LoginEmail = sealedValue; break;
            default: throw new ArgumentOutOfRangeException(nameof(field), field, "Not a sealed field.");
        }
    }

    private static void CheckOwnKey(Profile profile, PersonKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.ProfileId != profile.Id)
        {
            throw new ArgumentException("The person key belongs to another profile.", nameof(key));
        }
    }

    private static FieldBinding PasswordHashBinding(Profile profile) => new(Table, PasswordHashColumn, profile.Id);

    private static FieldBinding Binding(Profile profile, ProfileField field) =>
        new(Table, ColumnName(field), profile.Id);
}
