using System.ComponentModel.DataAnnotations;

namespace CloudjetGraph.Api;

/// <summary>Limits of the GraphQL endpoint.</summary>
internal sealed class GraphQLOptions
{
    /// <summary>Configuration section: <c>GraphQL</c>.</summary>
    public const string SectionName = "GraphQL";

    /// <summary>Largest <c>first</c> a page may ask for. Default 50.</summary>
    [Range(1, 500)]
    public int MaxPageSize { get; set; } = 50;

    /// <summary>Page size when <c>first</c> is not given. Default 20.</summary>
    [Range(1, 500)]
    public int DefaultPageSize { get; set; } = 20;

    /// <summary>Largest request body accepted, in bytes. Default 64 KiB.</summary>
    [Range(1024, 16 * 1024 * 1024)]
    public int MaxRequestBytes { get; set; } = 64 * 1024;

    /// <summary>Deepest selection nesting accepted. Default 15, the depth of GraphiQL's introspection query; the schema itself is at most 5 deep.</summary>
    [Range(2, 50)]
    public int MaxDepth { get; set; } = 15;
}
