using System.CommandLine;
using Microsoft.Extensions.Hosting;

namespace CloudjetGraph.Cli;

/// <summary><c>keys pkcs11 &lt;verb&gt;</c>: the PKCS#11 token key that protects the key ring (<c>DataProtection:Pkcs11</c>).</summary>
internal static class KeysPkcs11Command
{
    public static Command Create(Func<IHost> buildHost)
    {
        var pkcs11 = new Command("pkcs11", "The PKCS#11 token key that protects the key ring (DataProtection:Pkcs11).");
        pkcs11.Subcommands.Add(Pkcs11CreateKeyCommand.Create(buildHost));
        return pkcs11;
    }
}
