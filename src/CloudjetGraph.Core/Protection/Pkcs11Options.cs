namespace CloudjetGraph.Core.Protection;

/// <summary>
/// The PKCS#11 token whose non-extractable AES-256 key protects every new ring key
/// (<c>DataProtection:Pkcs11</c>): an HSM in production, SoftHSM2 in tests. Unset (no
/// <see cref="Module"/>): no token, and the certificate (if any) protects the ring. With it, a ring
/// key protected any other way is never used, except certificate-signed keys while
/// <c>DataProtection:CertificatePath</c> is still set (the move from certificate to token).
/// </summary>
internal sealed class Pkcs11Options
{
    /// <summary>Configuration section: <c>DataProtection:Pkcs11</c>.</summary>
    public const string SectionName = ProtectionOptions.SectionName + ":Pkcs11";

    /// <summary>Path of the PKCS#11 module (a shared library), e.g. <c>/usr/lib/softhsm/libsofthsm2.so</c>. Default unset: no token.</summary>
    public string? Module { get; set; }

    /// <summary>Label of the token that holds the key (required with <see cref="Module"/>).</summary>
    public string? TokenLabel { get; set; }

    /// <summary>Label of the AES-256 key in the token (<c>keys pkcs11 create-key</c> makes it; required with <see cref="Module"/>).</summary>
    public string? KeyLabel { get; set; }

    /// <summary>
    /// The token user's PIN. Only from the environment (<c>DataProtection__Pkcs11__Pin</c>): a PIN
    /// in a settings file stops startup. Never logged nor quoted in a message.
    /// </summary>
    public string? Pin { get; set; }

    /// <summary>Whether a token is configured.</summary>
    public bool IsConfigured => !string.IsNullOrWhiteSpace(Module);
}
