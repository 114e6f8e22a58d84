namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>
/// A data directory whose key ring and data keys were made by the custodian's <c>keys init</c>,
/// as an operator prepares production: protected by a new certificate unless told otherwise.
/// Hosts started on it keep it; disposing the ring deletes it.
/// </summary>
public sealed class ProductionRing : IDisposable
{
    public const string Password = "ring certificate password for tests";

    private ProductionRing(string dataDirectory, bool withCertificate)
    {
        DataDirectory = dataDirectory;
        CertificatePath = withCertificate ? Path.Combine(dataDirectory, "ring.pfx") : null;
    }

    public string DataDirectory { get; }

    public string KeyRingPath => Path.Combine(DataDirectory, "keys");

    /// <summary>The certificate that protects the ring, or null for a ring in clear.</summary>
    public string? CertificatePath { get; }

    /// <summary>Runs <c>keys init</c> in Production; a ring without a certificate is allowed explicitly.</summary>
    public static async Task<ProductionRing> CreateAsync(bool withCertificate = true)
    {
        var ring = new ProductionRing(Path.Combine(Path.GetTempPath(), "cloudjet-tests", Guid.NewGuid().ToString("N")), withCertificate);
        Directory.CreateDirectory(ring.DataDirectory);
        if (ring.CertificatePath is { } certificate)
        {
            await Custodian.CreateCertificateAsync(certificate, Password);
        }

        var (exitCode, _, error) = await Custodian.InitAsync(ring.DataDirectory, "Production", ring.Settings().ToArray());
        Assert.True(exitCode == 0, error);
        return ring;
    }

    /// <summary>A Production host on this ring with its certificate, not yet started.</summary>
    public CloudjetApplication Host()
    {
        var host = new CloudjetApplication { DataDirectory = DataDirectory, KeepData = true, EnvironmentName = "Production" };
        foreach (var (key, value) in Settings())
        {
            host.With(key, value);
        }

        return host;
    }

    /// <summary>The custodian tool's settings for this ring, in Production.</summary>
    public Dictionary<string, string?> CustodianSettings()
    {
        var settings = Custodian.SettingsOf(Path.Combine(DataDirectory, "cloudjet.db"), KeyRingPath);
        settings["environment"] = "Production";
        foreach (var (key, value) in Settings())
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>What every file in the ring folder holds, by name, to compare before and after.</summary>
    public SortedDictionary<string, string> Listing() =>
        new(Directory.GetFiles(KeyRingPath).ToDictionary(path => Path.GetFileName(path), File.ReadAllText), StringComparer.Ordinal);

    public void Dispose()
    {
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a temporary directory behind.
        }
    }

    private IEnumerable<(string Key, string Value)> Settings() =>
        CertificatePath is { } certificate
            ? [("DataProtection:CertificatePath", certificate), ("DataProtection:CertificatePassword", Password)]
            : [("DataProtection:AllowUnprotectedKeys", "true")];
}
