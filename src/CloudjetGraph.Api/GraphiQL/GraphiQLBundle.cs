using System.Text;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Api.GraphiQL;

/// <summary>
/// The GraphiQL page and its assets from the bundle folder, or, when the gateway was built without
/// Node.js, a page saying how to build it.
/// </summary>
internal sealed class GraphiQLBundle(IOptions<GraphiQLOptions> options, IWebHostEnvironment environment)
{
    private const string HtmlType = "text/html; charset=utf-8";

    private const string NotBuiltPage = """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>GraphiQL is not built</title></head>
        <body>
        <h1>GraphiQL is not built</h1>
        <p>This gateway was built where Node.js was not found, so GraphiQL's bundle is missing.</p>
        <p>To enable it, install Node.js 20.19 or later with npm, then build again:
        <code>dotnet build src/CloudjetGraph.Api</code> runs <code>npm ci</code> and Vite in
        <code>src/CloudjetGraph.Api/GraphiQL/app</code>. A deployed gateway looks for the bundle at the
        setting <code>GraphiQL:BundlePath</code>.</p>
        <p>GraphQL itself is served at <code>/graphql</code> all the same.</p>
        </body>
        </html>
        """;

    private readonly FileExtensionContentTypeProvider _contentTypes = new();
    private readonly Lazy<IFileProvider> _files = new(() => Open(options.Value, environment));

    /// <summary>The page: the bundle's <c>index.html</c>, or 404 with the page that says how to build it.</summary>
    public IResult Page() =>
        _files.Value.GetFileInfo("index.html") is { Exists: true, PhysicalPath: { } path }
            ? Results.File(path, HtmlType)
            : Results.Content(NotBuiltPage, "text/html", Encoding.UTF8, StatusCodes.Status404NotFound);

    /// <summary>A file of the bundle; 404 for anything else, a folder or a path outside it included.</summary>
    public IResult Asset(string? asset)
    {
        if (string.IsNullOrEmpty(asset) || asset == "index.html")
        {
            return Page();
        }

        // The file provider refuses "..", rooted paths and hidden files, so nothing outside the bundle is served.
        return _files.Value.GetFileInfo(asset) is { Exists: true, IsDirectory: false, PhysicalPath: { } path }
            && _contentTypes.TryGetContentType(path, out var contentType)
                ? Results.File(path, contentType)
                : Results.NotFound();
    }

    private static IFileProvider Open(GraphiQLOptions options, IWebHostEnvironment environment)
    {
        var folder = Path.GetFullPath(options.BundlePath, environment.ContentRootPath);
        return Directory.Exists(folder) ? new PhysicalFileProvider(folder) : new NullFileProvider();
    }
}
