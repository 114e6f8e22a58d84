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

    /// <summary>Longest GraphQL document accepted, in characters, over POST and GET alike. Default 16384.</summary>
    [Range(64, 16 * 1024 * 1024)]
    public int MaxDocumentLength { get; set; } = 16 * 1024;

    /// <summary>Deepest selection nesting accepted. Default 15, the depth of GraphiQL's introspection query; the schema itself is at most 5 deep.</summary>
    [Range(2, 50)]
    public int MaxDepth { get; set; } = 15;

    /// <summary>
    /// Highest cost of one operation: each field costs 1, and what is under a list counts once per
    /// item (a page's <c>first</c>, or <see cref="ListWeight"/>). Introspection is free. Default
    /// 2500; a 50-profile page with every field in both nodes and edges costs about 1900.
    /// </summary>
    [Range(1, 1_000_000)]
    public int MaxCost { get; set; } = 2500;

    /// <summary>Items a list without paging (such as <c>organizations</c>) counts for in the cost. Default 10.</summary>
    [Range(1, 1000)]
    public int ListWeight { get; set; } = 10;

    /// <summary>Most aliased fields in one operation, with fragments expanded. Default 20.</summary>
    [Range(0, 1000)]
    public int MaxAliases { get; set; } = 20;

    /// <summary>Most fields at the root of one operation, with fragments expanded. Default 20.</summary>
    [Range(1, 1000)]
    public int MaxRootFields { get; set; } = 20;

    /// <summary>Most fragment spreads in one operation once every fragment is expanded. Default 100; GraphiQL's introspection query needs 10.</summary>
    [Range(0, 10_000)]
    public int MaxFragmentSpreads { get; set; } = 100;

    /// <summary>Most errors in one response; further errors are replaced by one that counts them. Default 100.</summary>
    [Range(1, 10_000)]
    public int MaxErrors { get; set; } = 100;

    /// <summary>Time a whole request may take before its work is cancelled. Default 10 seconds.</summary>
    [Range(typeof(TimeSpan), "00:00:00.1", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Whether introspection is answered outside Development; in Development it always is. Default false.</summary>
    public bool AllowIntrospection { get; set; }
}
