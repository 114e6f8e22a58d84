using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Audit;

/// <summary>A host where management read profile 0 before a window, 1 and 2 (twice) in it, and 3 after it.</summary>
public sealed class BreachWindowFixture : IAsyncLifetime
{
    private const string Read = "query($id: ID!) { profile(id: $id) { id email jobTitle } }";

    public CloudjetApplication App { get; } = new();

    public string Subject { get; } = $"management-{Guid.NewGuid():N}";

    public List<Guid> Profiles { get; private set; } = [];

    /// <summary>The contact email of each profile read, as management saw it.</summary>
    public Dictionary<Guid, string> Emails { get; } = [];

    public DateTimeOffset From { get; private set; }

    public DateTimeOffset To { get; private set; }

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        Profiles = App.WithDb(db => db.Profiles.OrderBy(p => p.Id).Take(4).Select(p => p.Id).ToList());
        var management = App.Client(App.StaffToken(DefaultRole.Management, Subject));

        // Entries are stamped to the millisecond at commit: a pause on each side keeps every read clearly in or out.
        await ReadAsync(management, Profiles[0]);
        await Task.Delay(20);
        From = DateTimeOffset.UtcNow;
        await Task.Delay(20);
        await ReadAsync(management, Profiles[1]);
        await ReadAsync(management, Profiles[2]);
        await ReadAsync(management, Profiles[2]);
        await Task.Delay(20);
        To = DateTimeOffset.UtcNow;
        await Task.Delay(20);
        await ReadAsync(management, Profiles[3]);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    private async Task ReadAsync(GraphQLClient client, Guid id)
    {
        var profile = (await client.PostAsync(Read, new { id })).Ok()["profile"]!;
        Emails[id] = profile["email"]!.GetValue<string>();
    }
}
