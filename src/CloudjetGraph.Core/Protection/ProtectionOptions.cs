using System.ComponentModel.DataAnnotations;

namespace CloudjetGraph.Core.Protection;

/// <summary>Where the Data Protection key ring (the key-encryption keys) lives, and what protects it at rest.</summary>
public sealed class ProtectionOptions
{
    /// <summary>Configuration section: <c>DataProtection</c>.</summary>
    public const string SectionName = "DataProtection";

    /// <summary>
    /// The application name every gateway instance and the custodian tool share; Data Protection
    /// isolates payloads by it, so changing it orphans the data keys.
    /// </summary>
    public const string ApplicationName = "CloudjetGraph";

    /// <summary>
    /// Directory of the key ring, kept apart from the database. Relative paths resolve against the
    /// working directory. Default <c>data/keys</c>.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string KeyRingPath { get; set; } = "data/keys";

    /// <summary>
    /// PKCS#12 file of the X.509 certificate (with its RSA private key) that encrypts every ring
    /// key at rest. Empty (the default): ring keys are stored in clear, which outside Development
    /// needs <see cref="AllowUnprotectedKeys"/>.
    /// </summary>
    public string? CertificatePath { get; set; }

    /// <summary>
    /// Password of <see cref="CertificatePath"/>; best set as the environment variable
    /// <c>DataProtection__CertificatePassword</c>, never in a committed file. Never logged.
    /// </summary>
    public string? CertificatePassword { get; set; }

    /// <summary>
    /// Whether a ring without a certificate may serve outside Development. Default false: such a
    /// ring stops startup, so keys in clear are always a decision someone wrote down.
    /// </summary>
    public bool AllowUnprotectedKeys { get; set; }

    /// <summary>
    /// How often a running gateway re-reads the key ring and the data keys, so that a rotation or
    /// destruction made by the custodian tool or another instance takes effect without a restart
    /// within this delay. Default 30 seconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(30);
}
