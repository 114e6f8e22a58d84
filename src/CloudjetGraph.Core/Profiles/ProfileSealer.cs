using CloudjetGraph.Core.Fields;
using CloudjetGraph.Core.KeyStore;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.Core.Protection;

namespace CloudjetGraph.Core.Profiles;

/// <summary>
/// Reads and writes the sealed personal columns of a <see cref="Profile"/> under the profile's person
/// key, keeping the blind indexes of email and login email in step with their values.
/// </summary>
public sealed class ProfileSealer(IFieldCipher cipher, BlindIndex blindIndex, PersonKeyStore personKeys)
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
        var descriptor = PersonalFieldCatalogue.Of(field);
        var sealedValue = descriptor.Column.Get(profile);
        return sealedValue is null ? null : cipher.Open(sealedValue, personKeys.Get(profile.Id, SealedValueFormat.ReadKeyId(sealedValue)), Binding(profile, descriptor));
    }

    /// <summary>Encrypts one field under the profile's person key (null clears it) and refreshes its blind index.</summary>
    internal void Seal(Profile profile, PersonKey key, ProfileField field, string? value)
    {
        ArgumentNullException.ThrowIfNull(profile);
        CheckOwnKey(profile, key);
        var descriptor = PersonalFieldCatalogue.Of(field);
        descriptor.Column.Set(profile, value is null ? null : cipher.Seal(value, key, Binding(profile, descriptor)));
        descriptor.BlindIndex?.Set(profile, value is null ? null : blindIndex.ForEmail(descriptor.IndexColumn!, value));
    }

    /// <summary>
    /// Re-seals every sealed value of the profile, fields and password hash, under <paramref name="newKey"/>
    /// (a rekey), opening each with the key its header names. Blind indexes stay as they are: the
    /// values do not change.
    /// </summary>
    /// <exception cref="FieldIntegrityException">A value does not belong here or was altered, or <paramref name="keyOf"/> has no key it names.</exception>
    internal void Reseal(Profile profile, Func<Guid, PersonKey> keyOf, PersonKey newKey)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(keyOf);
        CheckOwnKey(profile, newKey);
        foreach (var descriptor in PersonalFieldCatalogue.All)
        {
            if (descriptor.Column.Get(profile) is { } sealedValue)
            {
                descriptor.Column.Set(profile, Reseal(profile, sealedValue, keyOf, newKey, Binding(profile, descriptor)));
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
    internal void SealPasswordHash(Profile profile, PersonKey key, string hash)
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
    /// The stored column name bound into a field's sealed values (<see cref="PersonalField.StoredName"/>).
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The field is not sealed.</exception>
    public static string ColumnName(ProfileField field) => PersonalFieldCatalogue.Of(field).StoredName;

    /// <summary>Every sealed value stored in the profile row, fields and password hash, nulls included.</summary>
    public static IEnumerable<byte[]?> SealedValues(Profile profile) =>
        PersonalFieldCatalogue.All.Select(descriptor => descriptor.Column.Get(profile)).Append(profile.PasswordHash);

    private byte[] Reseal(Profile profile, byte[] sealedValue, Func<Guid, PersonKey> keyOf, PersonKey newKey, FieldBinding binding)
    {
        var key = keyOf(SealedValueFormat.ReadKeyId(sealedValue));
        CheckOwnKey(profile, key);
        return cipher.Reseal(sealedValue, key, newKey, binding);
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

    private static FieldBinding Binding(Profile profile, PersonalField descriptor) =>
        new(Table, descriptor.StoredName, profile.Id);
}
