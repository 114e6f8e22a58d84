using System.Text.Json.Nodes;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Keys;

/// <summary>Every profile page as a staff caller receives it, data and errors, for comparing reads before, during and after a key change.</summary>
internal static class DataKeyLifecycleReads
{
    public const string EveryProfile = """
        query($first: Int, $after: String) {
          profiles(first: $first, after: $after) {
            nodes { id fullName email phone skype department jobTitle loginEmail }
            pageInfo { hasNextPage endCursor }
          }
        }
        """;

    /// <summary>The personal fields the query selects, each resolved through its person key.</summary>
    public static readonly string[] PersonalFields = ["fullName", "email", "phone", "skype", "department", "jobTitle", "loginEmail"];

    /// <summary>
    /// A page whose every field fails stays under the gateway's 100 errors per response (7 fields ×
    /// 10 profiles): past that cap a withheld field is null without an error at its path.
    /// </summary>
    public const int WithheldPageSize = 10;

    /// <summary>Each page's response, in order.</summary>
    public static async Task<List<GraphQLResponse>> ReadPagesAsync(GraphQLClient staff, int pageSize = 50)
    {
        var pages = new List<GraphQLResponse>();
        string? after = null;
        do
        {
            var response = await staff.PostAsync(EveryProfile, new { first = pageSize, after });
            pages.Add(response);
            var pageInfo = response.Data!["profiles"]!["pageInfo"]!;
            after = pageInfo["hasNextPage"]!.GetValue<bool>() ? pageInfo["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null);

        return pages;
    }

    /// <summary>The profiles' nodes across the pages, as exact JSON.</summary>
    public static string Nodes(IEnumerable<GraphQLResponse> pages) =>
        new JsonArray([.. pages.SelectMany(p => p.Data!["profiles"]!["nodes"]!.AsArray()).Select(n => n!.DeepClone())]).ToJsonString();
}
