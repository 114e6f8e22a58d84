using System.CommandLine;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace CloudjetGraph.Cli;

/// <summary>
/// <c>keys certificate create --out FILE [--password-env NAME]</c>: writes a self-signed RSA
/// certificate with its private key as PKCS#12, for development and tests. Production rings use a
/// certificate from the company's PKI, kept and backed up apart from the ring.
/// </summary>
internal static class CertificateCreateCommand
{
    /// <summary>The certificate's subject; it says what the certificate is for wherever it is seen.</summary>
    public const string Subject = "CN=CloudjetGraph key ring (development)";

    // Long enough that a development ring outlives its experiments; the ring keeps working after
    // expiry (XML encryption ignores validity), so this only dates it.
    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(2 * 365);

    public static Command Create()
    {
        var outOption = new Option<FileInfo>("--out")
        {
            Description = "The PKCS#12 file to write (.pfx); refused if it exists, as it may protect a ring.",
            Required = true,
        };
        var passwordOption = new Option<string?>("--password-env")
        {
            Description = "Name of the environment variable that holds the file's password (then set DataProtection:CertificatePassword to it); without it the file has none.",
        };
        var command = new Command("create", "Create a self-signed certificate that protects the key ring at rest, for development.") { outOption, passwordOption };
        command.SetAction((parseResult, cancellationToken) => CliVerb.RunAsync(
            parseResult,
            _ => Task.FromResult(Run(parseResult.GetRequiredValue(outOption).FullName, parseResult.GetValue(passwordOption))),
            cancellationToken));
        return command;
    }

    private static CliResult Run(string path, string? passwordVariable)
    {
        string? password = null;
        if (passwordVariable is not null)
        {
            password = Environment.GetEnvironmentVariable(passwordVariable);
            if (string.IsNullOrEmpty(password))
            {
                throw CliRefusalException.Usage($"the environment variable '{passwordVariable}' is not set or empty.");
            }
        }

        using var certificate = CreateSelfSigned();
        var pkcs12 = certificate.ExportPkcs12(Pkcs12ExportPbeParameters.Pbes2Aes256Sha256, password);
        // CreateNew: overwriting the certificate of an existing ring would lose that ring for good.
        // The file holds a private key, so only its owner may read it.
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var file = new FileStream(path, fileOptions);
            file.Write(pkcs12);
        }
        catch (IOException exception) when (File.Exists(path))
        {
            throw new CliRefusalException(CliExitCodes.Error, CliFailureCodes.FileNotWritten, $"'{path}' already exists; it may protect a key ring, so it is never overwritten ({exception.GetType().Name}).");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CliRefusalException(CliExitCodes.Error, CliFailureCodes.FileNotWritten, $"cannot write '{path}': {exception.Message}");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs12);
        }

        return new CliResult(
            $"Wrote {path} (thumbprint {certificate.Thumbprint}, valid until {certificate.NotAfter.ToUniversalTime():yyyy-MM-dd})."
            + Environment.NewLine
            + "Set DataProtection:CertificatePath to it, and DataProtection:CertificatePassword from the environment. For development only.",
            new { path, thumbprint = certificate.Thumbprint, notAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero) });
    }

    private static X509Certificate2 CreateSelfSigned()
    {
        using var rsa = RSA.Create(3072);
        var request = new CertificateRequest(Subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);

        // Data Protection encrypts each ring key's secret to this RSA key (XML encryption key transport).
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment, critical: true));
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, hasPathLengthConstraint: false, pathLengthConstraint: 0, critical: true));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddMinutes(-5), now.Add(Lifetime));
    }
}
