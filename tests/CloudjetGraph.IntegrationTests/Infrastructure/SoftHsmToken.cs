using System.Diagnostics;
using System.Runtime.InteropServices;

namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>
/// A SoftHSM2 token of one test: its own token folder and configuration file, pointed at by
/// <c>SOFTHSM2_CONF</c>. That variable is read by the module when a process first loads it, so the
/// tests that use a token sit in one class (run one at a time) and dispose every host before the next.
/// </summary>
public sealed class SoftHsmToken : IDisposable
{
    public const string Module = "/usr/lib/softhsm/libsofthsm2.so";
    public const string Utility = "/usr/bin/softhsm2-util";
    public const string Pin = "4321-test-pin";
    private const string SecurityOfficerPin = "8765-test-so-pin";

    private readonly string _directory;

    private SoftHsmToken(string directory, string label)
    {
        _directory = directory;
        TokenLabel = label;
    }

    public string TokenLabel { get; }

    /// <summary>The SoftHSM2 configuration file, for a process of the tool (<c>SOFTHSM2_CONF</c>).</summary>
    public string ConfigurationPath => Path.Combine(_directory, "softhsm2.conf");

    public const string KeyLabel = "cloudjet-ring";

    /// <summary>Initialises a fresh token in a folder of its own and points this process at it.</summary>
    public static async Task<SoftHsmToken> CreateAsync()
    {
        var directory = Directory.CreateTempSubdirectory("cloudjet-softhsm-").FullName;
        var tokens = Path.Combine(directory, "tokens");
        Directory.CreateDirectory(tokens);
        var configuration = Path.Combine(directory, "softhsm2.conf");
        await File.WriteAllTextAsync(configuration, $"directories.tokendir = {tokens}/\nobjectstore.backend = file\nlog.level = ERROR\n");
        PointModuleAt(configuration);
        var token = new SoftHsmToken(directory, "cloudjet-test");
        using var process = Process.Start(new ProcessStartInfo(Utility, ["--init-token", "--free", "--label", token.TokenLabel, "--pin", Pin, "--so-pin", SecurityOfficerPin])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["SOFTHSM2_CONF"] = configuration },
        })!;
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, error);
        return token;
    }

    /// <summary>The settings that protect a ring with this token's key.</summary>
    public IEnumerable<(string Key, string Value)> Settings() =>
    [
        ("DataProtection:Pkcs11:Module", Module),
        ("DataProtection:Pkcs11:TokenLabel", TokenLabel),
        ("DataProtection:Pkcs11:KeyLabel", KeyLabel),
        ("DataProtection:Pkcs11:Pin", Pin),
    ];

    // The module reads SOFTHSM2_CONF with the C library's getenv, which .NET's own environment
    // variables do not reach on Linux: set it in the process's native environment too.
    private static void PointModuleAt(string? configuration)
    {
        Environment.SetEnvironmentVariable("SOFTHSM2_CONF", configuration);
        Assert.Equal(0, configuration is null ? UnsetNative(CString("SOFTHSM2_CONF")) : SetNative(CString("SOFTHSM2_CONF"), CString(configuration), 1));
    }

    [DllImport("libc", EntryPoint = "setenv")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int SetNative(byte[] name, byte[] value, int overwrite);

    [DllImport("libc", EntryPoint = "unsetenv")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static extern int UnsetNative(byte[] name);

    private static byte[] CString(string value) => [.. System.Text.Encoding.UTF8.GetBytes(value), 0];

    public void Dispose()
    {
        PointModuleAt(null);
        Directory.Delete(_directory, recursive: true);
    }
}
