using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace CloudjetGraph.Api.GraphQL.TrustedDocuments;

/// <summary>
/// The manifest in force: read at startup from <see cref="TrustedDocumentsOptions.ManifestPath"/>
/// and read again whenever the file changes. A change that does not read as a whole, valid manifest
/// (a file half written, a wrong entry, a file removed) leaves the last good manifest in force and
/// is logged; the next change is read again.
/// </summary>
internal sealed partial class TrustedDocumentStore : IDisposable
{
    private readonly Lock _reloading = new();
    private readonly ILogger<TrustedDocumentStore> _logger;
    private readonly string? _path;
    private readonly PhysicalFileProvider? _folder;
    private readonly IDisposable? _watch;
    private DocumentManifest _manifest = DocumentManifest.Empty;

    public TrustedDocumentStore(IOptions<TrustedDocumentsOptions> options, IHostEnvironment environment, ILogger<TrustedDocumentStore> logger)
    {
        _logger = logger;
        _path = PathOf(options.Value, environment);
        if (_path is null)
        {
            return;
        }

        // Startup validation read this file already; a failure now is a race with its writer, and
        // refusing to start beats starting with no manifest.
        _manifest = Read(_path);
        LogLoaded(logger, _manifest.Count);
        _folder = new PhysicalFileProvider(Path.GetDirectoryName(_path)!);
        var name = Path.GetFileName(_path);
        _watch = ChangeToken.OnChange(() => _folder.Watch(name), Reload);
    }

    /// <summary>The trusted document whose SHA-256 is <paramref name="digest"/>, or null.</summary>
    public string? Find(string digest) => Volatile.Read(ref _manifest).Find(digest);

    /// <summary>The manifest's full path, or null when no manifest is in use (mode <c>Off</c>, or no path).</summary>
    public static string? PathOf(TrustedDocumentsOptions options, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        return options.Mode == TrustedDocumentMode.Off || string.IsNullOrWhiteSpace(options.ManifestPath)
            ? null
            : Path.GetFullPath(options.ManifestPath, environment.ContentRootPath);
    }

    /// <summary>Reads and verifies the manifest at <paramref name="path"/>.</summary>
    /// <exception cref="FormatException">It cannot be read or is not a valid manifest; the message says why.</exception>
    public static DocumentManifest Read(string path)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new FormatException("the file cannot be read", exception);
        }

        return DocumentManifest.Parse(bytes);
    }

    private void Reload()
    {
        lock (_reloading)
        {
            try
            {
                var manifest = Read(_path!);
                Volatile.Write(ref _manifest, manifest);
                LogLoaded(_logger, manifest.Count);
            }
            catch (FormatException refusal)
            {
                LogReloadRefused(_logger, refusal.Message, Volatile.Read(ref _manifest).Count);
            }
        }
    }

    public void Dispose()
    {
        _watch?.Dispose();
        _folder?.Dispose();
    }

    [LoggerMessage(EventId = 2101, EventName = "TrustedDocumentsLoaded", Level = LogLevel.Information, Message = "Trusted documents: the manifest holds {Documents} documents.")]
    private static partial void LogLoaded(ILogger logger, int documents);

    [LoggerMessage(EventId = 2102, EventName = "TrustedDocumentsReloadRefused", Level = LogLevel.Warning, Message = "Trusted documents: the changed manifest was not taken because {Reason}; the last good one, of {Documents} documents, stays in force.")]
    private static partial void LogReloadRefused(ILogger logger, string reason, int documents);
}
