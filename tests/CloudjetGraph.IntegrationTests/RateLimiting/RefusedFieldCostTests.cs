using CloudjetGraph.Core.Errors;
using CloudjetGraph.IntegrationTests.Hosting;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.RateLimiting;

/// <summary>
/// A page past the cap, or of fields withheld from the role, refuses each of its fields without
/// throwing: an exception per refused field cost several times what serving the field did. Counted
/// as exceptions raised, process-wide, so this class runs with nothing else beside it.
/// </summary>
[Collection(AfterAllOtherTests.Name)]
public sealed class RefusedFieldCostTests : IAsyncLifetime
{
    private const int Cap = 3;

    // 98 refused fields past the cap: within the 100 errors a response holds.
    private const int PageSize = 17;
    private const string PersonalPage = "query($first: Int) { profiles(first: $first) { nodes { id fullName email phone skype department jobTitle loginEmail } } }";
    private readonly CloudjetApplication _app = new CloudjetApplication().With("RateLimits:PersonalRecordsPerMinute", $"{Cap}");

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task Management_PagePastTheCap_RefusesEveryFieldOverItWithoutThrowing()
    {
        var management = _app.Client(_app.StaffToken(DefaultRole.Management, "management-past-cap"));

        var (response, thrown) = await ThrownDuring(ErrorCodes.RateLimited, () => management.PostAsync(PersonalPage, new { first = PageSize }));

        Assert.Equal((PageSize - Cap) * 7, response.Codes.Count(code => code == ErrorCodes.RateLimited));
        Assert.Equal(0, thrown);
    }

    [Fact]
    public async Task Sales_PageOfWithheldFields_RefusesEachWithoutThrowing()
    {
        var sales = _app.Client(_app.StaffToken(DefaultRole.Sales, "sales-demo"));

        var (response, thrown) = await ThrownDuring(ErrorCodes.NotAuthorized, () => sales.PostAsync("{ profiles(first: 50) { nodes { id skype loginEmail } } }"));

        var profiles = response.Data!["profiles"]!["nodes"]!.AsArray().Count;
        Assert.InRange(profiles, 10, 50);
        Assert.Equal(2 * profiles, response.Codes.Count(code => code == ErrorCodes.NotAuthorized));
        Assert.Equal(0, thrown);
    }

    private static async Task<(GraphQLResponse Response, int Thrown)> ThrownDuring(string code, Func<Task<GraphQLResponse>> request)
    {
        var thrown = 0;
        void Count(object? sender, System.Runtime.ExceptionServices.FirstChanceExceptionEventArgs args)
        {
            if (args.Exception is DomainException refusal && refusal.Code == code)
            {
                Interlocked.Increment(ref thrown);
            }
        }

        AppDomain.CurrentDomain.FirstChanceException += Count;
        try
        {
            return (await request(), Volatile.Read(ref thrown));
        }
        finally
        {
            AppDomain.CurrentDomain.FirstChanceException -= Count;
        }
    }
}
