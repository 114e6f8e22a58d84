using System.ComponentModel.DataAnnotations;

namespace CloudjetGraph.Core.Protection;

/// <summary>Where the Data Protection key ring (the key-encryption keys) lives.</summary>
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
}
