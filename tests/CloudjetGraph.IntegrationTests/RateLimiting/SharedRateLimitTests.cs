using System.Text;
using CloudjetGraph.Core.Protection;
using CloudjetGraph.Core.RateLimits;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.IntegrationTests.RateLimiting;

/// <summary>
/// The login and sign-up limits are counted in the profile database: gateways on one database
/// enforce one limit together, the counters hold no email or address, and an attempt the database
/// cannot count is refused.
/// </summary>
public sealed class SharedRateLimitTests
{
    private const string Login = "mutation($email: String!, $password: String!) { login(email: $email, password: $password) { token } }";
    private const string DemoOwner = "an.nguyen@saomaiviet.vn";

    [Fact]
    [ProviderSensitive("gateways on one database counting with an atomic upsert")]
    public async Task Anonymous_LoginsForOneAccountAlternatingBetweenTwoGateways_RefusedAfterTheLimitInTotal()
    {
        // The second gateway is disposed first and leaves the databases to the first.
        await using var first = new CloudjetApplication().With("RateLimits:LoginsPerAccountPerMinute", "4");
        await first.InitializeAsync();
        await using var second = new CloudjetApplication { DataDirectory = first.DataDirectory, KeepData = true }.With("RateLimits:LoginsPerAccountPerMinute", "4");
        await second.InitializeAsync();
        CloudjetApplication[] gateways = [first, second];

        var codes = new List<string?>();
        for (var attempt = 0; attempt < 6; attempt++)
        {
            var response = await gateways[attempt % 2].Client().PostAsync(Login, new { email = DemoOwner, password = $"guess number {attempt}" });
            codes.AddRange(response.Codes);
        }

        Assert.Equal(["AUTH_INVALID_CREDENTIALS", "AUTH_INVALID_CREDENTIALS", "AUTH_INVALID_CREDENTIALS", "AUTH_INVALID_CREDENTIALS", "RATE_LIMITED", "RATE_LIMITED"], codes);
    }

    [Fact]
    [ProviderSensitive("the counter rows as each provider stores them")]
    public async Task CounterRows_AfterLoginsAndSignUps_HoldNoEmailNoAddressAndNoStoredEmailEntry()
    {
        await using var app = new CloudjetApplication();
        await app.InitializeAsync();
        const string address = "198.51.100.23";
        var response = await app.Client().PostFromAsync(address, $$"""mutation { login(email: "{{DemoOwner}}", password: "wrong password") { token } }""");
        Assert.Equal(["AUTH_INVALID_CREDENTIALS"], response.Codes);
        await app.SignUpAsync(Owners.NewInput("counted"));

        var rows = app.WithDb(db => db.RateLimitCounters.ToList());
        var storedEmailEntry = app.Services.GetRequiredService<BlindIndex>().ForEmail(BlindIndexColumn.ProfileLoginEmail, DemoOwner);

        Assert.Equal(["login-per-account", "login-per-address", "sign-up-per-address"], rows.Select(row => row.LimitName).Order(StringComparer.Ordinal));
        Assert.All(rows, row =>
        {
            var stored = Encoding.Latin1.GetString(row.PartitionHash);
            Assert.DoesNotContain(address, stored, StringComparison.Ordinal);
            Assert.DoesNotContain(DemoOwner, stored, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(Convert.ToBase64String(storedEmailEntry), stored, StringComparison.Ordinal);
            Assert.False(row.PartitionHash.AsSpan().IndexOf(storedEmailEntry) >= 0, "A counter holds the account's stored email entry.");
        });
    }

    [Fact]
    public async Task Anonymous_LoginWhileTheCounterStoreFails_IsRateLimitedAndLogged()
    {
        await using var app = new CloudjetApplication();
        await app.InitializeAsync();
        await app.ExecuteSqlAsync("DROP TABLE RateLimitCounters");

        var response = await app.Client().PostAsync(Login, new { email = DemoOwner, password = "demo-owner-2019" });

        Assert.Equal(["RATE_LIMITED"], response.Codes);
        Assert.Equal("""{"login":null}""", response.Data!.ToJsonString());
        Assert.NotNull(response.RetryAfter);
        Assert.Contains(app.Logs.Lines, line => line.Contains("[2301] The shared loginPerAddress counter could not count an attempt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Staff_ReadsProfiles_NoCounterStatementRuns()
    {
        await using var app = new CloudjetApplication();
        await app.InitializeAsync();
        var support = app.Client(app.StaffToken(DefaultRole.Support, "support-demo"));

        var before = CounterStatements(app);
        (await support.PostAsync("{ profiles(first: 5) { nodes { id email } } }")).Ok();
        var afterRead = CounterStatements(app);
        Assert.Equal(["AUTH_INVALID_CREDENTIALS"], (await app.Client().PostAsync(Login, new { email = DemoOwner, password = "wrong password" })).Codes);

        Assert.Equal(before, afterRead);
        Assert.True(CounterStatements(app) > afterRead, "The login's counting was not seen in the log, so the read's absence proves nothing.");
    }

    private static int CounterStatements(CloudjetApplication app) => app.Logs.Lines.Count(line => line.Contains("\"RateLimitCounters\"", StringComparison.Ordinal));
}
