using CloudjetGraph.Core.Authorization;

namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>Every plaintext personal value of the seeded profiles, read through the API as management.</summary>
public static class SeededValues
{
    private static readonly string[] SealedFields = ["fullName", "email", "phone", "skype", "department", "jobTitle", "loginEmail"];

    /// <summary>Per profile id, its personal values by field name (absent fields omitted).</summary>
    public static async Task<Dictionary<Guid, Dictionary<string, string>>> ReadAllAsync(CloudjetApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var client = app.Client(app.StaffToken(Role.Management, "management-demo"));
        var values = new Dictionary<Guid, Dictionary<string, string>>();
        string? after = null;
        do
        {
            var page = (await client.PostAsync(
                $"query($after: String) {{ profiles(first: 50, after: $after) {{ nodes {{ id {string.Join(' ', SealedFields)} }} pageInfo {{ hasNextPage endCursor }} }} }}",
                new { after })).Ok()["profiles"]!;
            foreach (var node in page["nodes"]!.AsArray())
            {
                values[Guid.Parse(node!["id"]!.GetValue<string>())] = SealedFields
                    .Where(field => node[field] is not null)
                    .ToDictionary(field => field, field => node[field]!.GetValue<string>());
            }

            after = page["pageInfo"]!["hasNextPage"]!.GetValue<bool>() ? page["pageInfo"]!["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null);

        return values;
    }
}
