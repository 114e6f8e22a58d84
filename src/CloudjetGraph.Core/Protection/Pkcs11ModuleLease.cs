using System.Reflection;
using System.Runtime.InteropServices;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace CloudjetGraph.Core.Protection;

/// <summary>
/// A share of a loaded PKCS#11 module. A module is initialised once per process (a second
/// C_Initialize is refused) and finalising it ends every session, so the gateway's and a tool's
/// tokens in one process share it; the last lease released finalises it.
/// </summary>
internal sealed class Pkcs11ModuleLease : IDisposable
{
    private static readonly Lock Gate = new();
    private static readonly Dictionary<string, (IPkcs11Library Library, int Leases)> Loaded = new(StringComparer.Ordinal);

    private readonly string _path;
    private bool _released;

    // Pkcs11Interop loads modules through "libdl", which glibc 2.34 and later ship only as
    // libdl.so.2 (libdl.so comes with the C headers package): name the runtime library instead.
    static Pkcs11ModuleLease()
    {
        if (OperatingSystem.IsLinux())
        {
            NativeLibrary.SetDllImportResolver(typeof(Pkcs11InteropFactories).Assembly, ResolveDynamicLinker);
        }
    }

    private Pkcs11ModuleLease(string path, IPkcs11Library library)
    {
        _path = path;
        Library = library;
    }

    public static Pkcs11InteropFactories Factories { get; } = new();

    public IPkcs11Library Library { get; }

    /// <summary>Loads the module at <paramref name="path"/>, or shares the one already loaded.</summary>
    /// <exception cref="Pkcs11Exception">The module refused to initialise.</exception>
    public static Pkcs11ModuleLease Acquire(string path)
    {
        lock (Gate)
        {
            if (!Loaded.TryGetValue(path, out var entry))
            {
                entry = (Factories.Pkcs11LibraryFactory.LoadPkcs11Library(Factories, path, AppType.MultiThreaded), 0);
            }

            Loaded[path] = (entry.Library, entry.Leases + 1);
            return new Pkcs11ModuleLease(path, entry.Library);
        }
    }

    private static IntPtr ResolveDynamicLinker(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName == "libdl" && NativeLibrary.TryLoad("libdl.so.2", assembly, searchPath, out var handle) ? handle : IntPtr.Zero;

    public void Dispose()
    {
        lock (Gate)
        {
            if (_released)
            {
                return;
            }

            _released = true;
            var (library, leases) = Loaded[_path];
            if (leases > 1)
            {
                Loaded[_path] = (library, leases - 1);
                return;
            }

            Loaded.Remove(_path);
            library.Dispose();
        }
    }
}
