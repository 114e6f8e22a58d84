using System.Security.Cryptography;
using CloudjetGraph.Core.Errors;
using Microsoft.Extensions.Configuration;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace CloudjetGraph.Core.Protection;

/// <summary>
/// The AES-256 key in the PKCS#11 token (<c>DataProtection:Pkcs11</c>) that protects ring keys:
/// AES-GCM computed by the token, so the key never leaves it. Opened on first use; a setting that
/// cannot serve is kept as a refusal and thrown by the startup check, as for the certificate. No
/// message ever holds the PIN.
/// </summary>
public sealed class RingToken : IDisposable
{
    private const string Section = Pkcs11Options.SectionName;
    private const int NonceBytes = 12;
    private const int TagBits = 128;

    private readonly Pkcs11Options _options;
    private readonly string? _refusal;
    private readonly Lock _gate = new();
    private Pkcs11ModuleLease? _module;
    private ISession? _session;
    private IObjectHandle? _key;

    private RingToken(Pkcs11Options options, string? refusal)
    {
        _options = options;
        _refusal = refusal;
    }

    /// <summary>Whether a token is configured.</summary>
    public bool IsConfigured => _options.IsConfigured;

    /// <summary>The key's label, named in ring files so an operator sees which key protects them.</summary>
    public string KeyLabel => _options.KeyLabel ?? string.Empty;

    /// <summary>
    /// Reads the token settings; refuses (at the startup check) a token without its labels or PIN,
    /// or a PIN that a settings file supplies, where anyone reading the file or its history sees it.
    /// </summary>
    public static RingToken Load(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(Section).Get<Pkcs11Options>() ?? new Pkcs11Options();
        if (!options.IsConfigured)
        {
            return new(options, null);
        }

        string? refusal = null;
        if (string.IsNullOrWhiteSpace(options.TokenLabel) || string.IsNullOrWhiteSpace(options.KeyLabel))
        {
            refusal = $"{Section}:Module is set, so {Section}:TokenLabel and {Section}:KeyLabel must be set too.";
        }
        else if (string.IsNullOrEmpty(options.Pin))
        {
            refusal = $"{Section}:Module is set, but the token PIN is not: set the environment variable DataProtection__Pkcs11__Pin.";
        }
        else if (PinSource(configuration) is FileConfigurationProvider file)
        {
            refusal = $"The token PIN ({Section}:Pin) is set in the settings file '{file.Source.Path}'; remove it there and set the environment variable DataProtection__Pkcs11__Pin instead.";
        }

        return new(options, refusal);
    }

    /// <summary>Stops startup when the token is configured but cannot be used (settings, module, token, PIN or key).</summary>
    /// <exception cref="KeyRingUnavailableException">The token cannot serve; the message names the setting.</exception>
    public void ThrowIfUnusable()
    {
        if (_refusal is not null)
        {
            throw new KeyRingUnavailableException(_refusal);
        }

        if (IsConfigured)
        {
            lock (_gate)
            {
                _ = OpenKey();
            }
        }
    }

    /// <summary>AES-GCM in the token under the ring key: nonce, then ciphertext and tag.</summary>
    /// <exception cref="KeyRingUnavailableException">The token cannot be used.</exception>
    public byte[] Seal(byte[] plaintext, byte[] associatedData)
    {
        var nonce = RandomNumberGenerator.GetBytes(NonceBytes);
        lock (_gate)
        {
            var key = OpenKey();
            var sealedBytes = Run(() => _session!.Encrypt(Gcm(nonce, associatedData), key, plaintext));
            return [.. nonce, .. sealedBytes];
        }
    }

    /// <summary>Opens what <see cref="Seal"/> made with this key and associated data.</summary>
    /// <exception cref="CryptographicException">Not sealed by this token key with this associated data, or altered.</exception>
    /// <exception cref="KeyRingUnavailableException">The token cannot be used.</exception>
    public byte[] Open(byte[] sealedBytes, byte[] associatedData)
    {
        ArgumentNullException.ThrowIfNull(sealedBytes);
        if (sealedBytes.Length < NonceBytes + (TagBits / 8))
        {
            throw new CryptographicException("The value is too short to be sealed by the ring token.");
        }

        lock (_gate)
        {
            var key = OpenKey();
            try
            {
                return _session!.Decrypt(Gcm(sealedBytes[..NonceBytes], associatedData), key, sealedBytes[NonceBytes..]);
            }
            catch (Pkcs11Exception exception) when (exception.RV is CKR.CKR_ENCRYPTED_DATA_INVALID or CKR.CKR_ENCRYPTED_DATA_LEN_RANGE or CKR.CKR_DATA_INVALID)
            {
                throw new CryptographicException($"The value was not sealed by the ring token key '{KeyLabel}' ({exception.RV}).");
            }
        }
    }

    /// <summary>Creates the non-extractable AES-256 key <c>KeyLabel</c> in the token (<c>keys pkcs11 create-key</c>).</summary>
    /// <exception cref="KeyRingUnavailableException">The token cannot be used, or a key with that label exists.</exception>
    public void CreateKey()
    {
        ThrowIfSettingsRefused();
        lock (_gate)
        {
            var session = OpenSession();
            if (FindKey(session) is not null)
            {
                throw new KeyRingUnavailableException($"The token '{_options.TokenLabel}' already holds a key labelled '{KeyLabel}' ({Section}:KeyLabel); a key that may protect a ring is never replaced.");
            }

            var attributes = Pkcs11ModuleLease.Factories.ObjectAttributeFactory;
            Run(() => session.GenerateKey(
                Pkcs11ModuleLease.Factories.MechanismFactory.Create(CKM.CKM_AES_KEY_GEN),
                [
                    attributes.Create(CKA.CKA_CLASS, CKO.CKO_SECRET_KEY),
                    attributes.Create(CKA.CKA_KEY_TYPE, CKK.CKK_AES),
                    attributes.Create(CKA.CKA_VALUE_LEN, 32UL),
                    attributes.Create(CKA.CKA_LABEL, KeyLabel),
                    attributes.Create(CKA.CKA_TOKEN, true),
                    attributes.Create(CKA.CKA_PRIVATE, true),
                    attributes.Create(CKA.CKA_SENSITIVE, true),
                    attributes.Create(CKA.CKA_EXTRACTABLE, false),
                    attributes.Create(CKA.CKA_ENCRYPT, true),
                    attributes.Create(CKA.CKA_DECRYPT, true),
                ]));
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        lock (_gate)
        {
            _session?.Dispose();
            _session = null;
            _module?.Dispose();
            _module = null;
        }
    }

    private static IMechanism Gcm(byte[] nonce, byte[] associatedData) =>
        Pkcs11ModuleLease.Factories.MechanismFactory.Create(
            CKM.CKM_AES_GCM,
            Pkcs11ModuleLease.Factories.MechanismParamsFactory.CreateCkGcmParams(nonce, (ulong)nonce.Length * 8, associatedData, TagBits));

    // The provider that wins for the PIN: configuration takes the last one that holds the key.
    private static IConfigurationProvider? PinSource(IConfiguration configuration) =>
        configuration is IConfigurationRoot root ? root.Providers.LastOrDefault(provider => provider.TryGet($"{Section}:Pin", out var pin) && !string.IsNullOrEmpty(pin)) : null;

    private void ThrowIfSettingsRefused()
    {
        if (_refusal is not null)
        {
            throw new KeyRingUnavailableException(_refusal);
        }

        if (!IsConfigured)
        {
            throw new KeyRingUnavailableException($"No token is configured: set {Section}:Module, TokenLabel and KeyLabel, and the PIN in DataProtection__Pkcs11__Pin.");
        }
    }

    private IObjectHandle OpenKey()
    {
        ThrowIfSettingsRefused();
        if (_key is not null)
        {
            return _key;
        }

        return _key = FindKey(OpenSession())
            ?? throw new KeyRingUnavailableException($"The token '{_options.TokenLabel}' holds no key labelled '{KeyLabel}' ({Section}:KeyLabel); a custodian creates it with `keys pkcs11 create-key`.");
    }

    private ISession OpenSession()
    {
        if (_session is not null)
        {
            return _session;
        }

        _module ??= Run(() => Pkcs11ModuleLease.Acquire(_options.Module!));
        var slot = Run(() => _module.Library.GetSlotList(SlotsType.WithTokenPresent))
            .FirstOrDefault(candidate => string.Equals(candidate.GetTokenInfo().Label.Trim(), _options.TokenLabel, StringComparison.Ordinal))
            ?? throw new KeyRingUnavailableException($"The PKCS#11 module '{_options.Module}' ({Section}:Module) has no token labelled '{_options.TokenLabel}' ({Section}:TokenLabel).");
        var session = Run(() => slot.OpenSession(SessionType.ReadWrite));
        try
        {
            session.Login(CKU.CKU_USER, _options.Pin);
        }
        catch (Pkcs11Exception exception) when (exception.RV == CKR.CKR_USER_ALREADY_LOGGED_IN)
        {
            // Login is per process, not per session: another holder of this module logged in.
        }
        catch (Pkcs11Exception exception)
        {
            session.Dispose();
            throw new KeyRingUnavailableException($"The token '{_options.TokenLabel}' refused the PIN from DataProtection__Pkcs11__Pin ({exception.RV}).");
        }

        return _session = session;
    }

    private IObjectHandle? FindKey(ISession session)
    {
        var attributes = Pkcs11ModuleLease.Factories.ObjectAttributeFactory;
        return Run(() => session.FindAllObjects(
        [
            attributes.Create(CKA.CKA_CLASS, CKO.CKO_SECRET_KEY),
            attributes.Create(CKA.CKA_LABEL, KeyLabel),
        ])).SingleOrDefault();
    }

    // A module's own failures name only a return value, never the PIN; they become our refusal.
    private T Run<T>(Func<T> call)
    {
        try
        {
            return call();
        }
        catch (Exception exception) when (exception is Pkcs11Exception or UnmanagedException or DllNotFoundException or BadImageFormatException)
        {
            throw new KeyRingUnavailableException(
                $"The PKCS#11 token '{_options.TokenLabel}' through '{_options.Module}' ({Section}) cannot be used ({(exception as Pkcs11Exception)?.RV.ToString() ?? exception.GetType().Name}).", exception);
        }
    }

    private void Run(Action call) => Run(() =>
    {
        call();
        return true;
    });
}
