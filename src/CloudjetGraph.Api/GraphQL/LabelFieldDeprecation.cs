namespace CloudjetGraph.Api.GraphQL;

/// <summary>
/// The String fields that carried a fixed set of labels stay beside their enum twins until one
/// date, stated once here and in docs/schema-changes.md, so frontends can move at their pace.
/// </summary>
internal static class LabelFieldDeprecation
{
    /// <summary>The last day the deprecated label fields are served: six months after they were deprecated.</summary>
    public const string RemovedAfter = "2027-06-05";

    /// <summary>The deprecation reason of a label field whose enum twin is <paramref name="replacement"/>.</summary>
    public static string UseInstead(string replacement) => $"Use {replacement}; removed after {RemovedAfter}.";
}
