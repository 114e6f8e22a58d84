using System.CommandLine;

namespace CloudjetGraph.Cli;

/// <summary><c>keys certificate &lt;verb&gt;</c>: the certificate that protects the key ring at rest.</summary>
internal static class KeysCertificateCommand
{
    public static Command Create()
    {
        var certificate = new Command("certificate", "The X.509 certificate that protects the key ring at rest (DataProtection:CertificatePath).");
        certificate.Subcommands.Add(CertificateCreateCommand.Create());
        return certificate;
    }
}
