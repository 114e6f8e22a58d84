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

    /// <summary>The PKCS#11 token whose settings hosts and the tool get, or null.</summary>
    public SoftHsmToken? Token { get; set; }

    /// <summary>Whether hosts and the tool get the certificate's settings (false once a ring has moved to the token).</summary>
    public bool CertificateInSettings { get; set; } = true;

    /// <summary>
    /// Runs <c>keys init</c> in Production; with <paramref name="token"/>, after <c>keys pkcs11
    /// create-key</c>, so the ring key is the token's. A ring with neither is allowed explicitly.
    /// </summary>
    public static async Task<ProductionRing> CreateAsync(bool withCertificate = true, SoftHsmToken? token = null)
    {
        var ring = new ProductionRing(Path.Combine(Path.GetTempPath(), "cloudjet-tests", Guid.NewGuid().ToString("N")), withCertificate) { Token = token };
        Directory.CreateDirectory(ring.DataDirectory);
        if (ring.CertificatePath is { } certificate)
        {
            await Custodian.CreateCertificateAsync(certificate, Password);
        }

        if (token is not null)
        {
            var (created, _, createError) = await Custodian.KeysAsync(ring.CustodianSettings(), "pkcs11", "create-key");
            Assert.True(created == 0, createError);
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

    private IEnumerable<(string Key, string Value)> Settings()
    {
        var certificate = CertificateInSettings ? CertificatePath : null;
        if (certificate is not null)
        {
            yield return ("DataProtection:CertificatePath", certificate);
            yield return ("DataProtection:CertificatePassword", Password);
        }

        foreach (var setting in Token?.Settings() ?? [])
        {
            yield return setting;
        }

        if (certificate is null && Token is null)
        {
            yield return ("DataProtection:AllowUnprotectedKeys", "true");
        }
    }
}
