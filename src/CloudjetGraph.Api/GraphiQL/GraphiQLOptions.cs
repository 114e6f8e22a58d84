using System.ComponentModel.DataAnnotations;

namespace CloudjetGraph.Api.GraphiQL;

/// <summary>GraphiQL, the in-browser IDE at <c>/graphql/ui</c>.</summary>
internal sealed class GraphiQLOptions
{
    /// <summary>Configuration section: <c>GraphiQL</c>.</summary>
    public const string SectionName = "GraphiQL";

    /// <summary>
    /// Serves GraphiQL outside Development, where it is always on. Default false: a production
    /// gateway offers no IDE unless asked. Its schema documentation also needs
    /// <c>GraphQL:AllowIntrospection</c> there.
    /// </summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// The folder of the built bundle (its <c>index.html</c> and <c>assets/</c>), absolute or relative
    /// to the content root. Default <c>GraphiQL/app/dist</c>, where <c>dotnet build</c> puts it.
    /// </summary>
    [Required(AllowEmptyStrings = false)]
    public string BundlePath { get; set; } = "GraphiQL/app/dist";
}
