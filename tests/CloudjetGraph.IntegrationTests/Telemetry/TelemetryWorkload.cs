using System.Diagnostics;
using System.Net;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Custodians;
using CloudjetGraph.Core.KeyRing;
using CloudjetGraph.Core.Seeding;
using CloudjetGraph.IntegrationTests.Infrastructure;
using OpenTelemetry.Metrics;

namespace CloudjetGraph.IntegrationTests.Telemetry;

/// <summary>
/// Runs, once for the telemetry tests, a workload that touches every personal field, a login, an
/// owner's update, denials, an operation limit and a rate limit, a GET whose variables hold
/// emails, and a key job, with the instrumentations' own switches for query strings and SQL
/// parameters turned on, as a careless operator might; then keeps what was exported.
/// </summary>
public sealed class TelemetryWorkload : IAsyncLifetime
{
    private const string WrongPassword = "not the password 7731";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly TelemetryApplication _host = (TelemetryApplication)new TelemetryApplication()
        .With("RateLimits:LoginsPerAccountPerMinute", "2")
        .With("OTEL_DOTNET_EXPERIMENTAL_ASPNETCORE_DISABLE_URL_QUERY_REDACTION", "true")
        .With("OTEL_DOTNET_EXPERIMENTAL_EFCORE_ENABLE_TRACE_DB_QUERY_PARAMETERS", "true");

    private readonly List<string> _sentSecrets = [DemoDataSeeder.DemoOwnerPassword, Owners.Password, WrongPassword];

    /// <summary>Every span exported during the workload.</summary>
    public IReadOnlyList<Activity> Spans { get; private set; } = [];

    /// <summary>Every metric collected after it.</summary>
    public IReadOnlyList<MetricSnapshot> Metrics { get; private set; } = [];

    /// <summary>The tokens and passwords the workload sent.</summary>
    public IReadOnlyList<string> SentSecrets => _sentSecrets;

    public TelemetryApplication Host => _host;

    public async Task InitializeAsync()
    {
        await _host.InitializeAsync();
        await RunWorkloadAsync();
        Spans = _host.Spans;
        Metrics = _host.CollectMetrics();
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task RunWorkloadAsync()
    {
        var managementToken = _host.StaffToken(DefaultRole.Management, "management-demo");
        var salesToken = _host.StaffToken(DefaultRole.Sales, "sales-demo");
        var custodianToken = _host.StaffToken(DefaultRole.KeyCustodian, "custodian-demo");
        _sentSecrets.AddRange([managementToken, salesToken, custodianToken]);
        var management = _host.Client(managementToken);

        // Two staff pages with every personal field.
        const string StaffPage = """
            query StaffPage($after: String) {
              profiles(first: 50, after: $after) {
                nodes { id fullName email phone skype department jobTitle loginEmail consent { acceptedAt policyVersion } }
                pageInfo { endCursor }
              }
            }
            """;
        var first = (await management.PostAsync(StaffPage)).Ok();
        (await management.PostAsync(StaffPage, new { after = first["profiles"]!["pageInfo"]!["endCursor"]!.GetValue<string>() })).Ok();

        // A new owner signs up, logs in and edits; then two wrong passwords meet the login limit.
        var input = Owners.NewInput("otel");
        var profileId = await _host.SignUpAsync(input);
        const string Login = "mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { token } }";
        var anonymous = _host.Client();
        var ownerToken = (await anonymous.PostAsync(Login, new { email = input["email"], password = Owners.Password })).Ok()["login"]!["token"]!.GetValue<string>();
        _sentSecrets.Add(ownerToken);
        (await _host.Client(ownerToken).PostAsync(
            "mutation Update($input: UpdateMyProfileInput!) { updateMyProfile(input: $input) { skype } }",
            new { input = new { skype = "live:kiemthuotel.edited", phone = "+84 912 345 679" } })).Ok();
        Assert.Equal("AUTH_INVALID_CREDENTIALS", (await anonymous.PostAsync(Login, new { email = input["email"], password = WrongPassword })).Codes.Single());
        Assert.Equal("RATE_LIMITED", (await anonymous.PostAsync(Login, new { email = input["email"], password = WrongPassword })).Codes.Single());

        // Sales is denied skype on every node, and the key census.
        var sales = _host.Client(salesToken);
        var page = await sales.PostAsync("query SalesPage { profiles(first: 5) { nodes { fullName phone skype } } }");
        Assert.Equal(5, page.Codes.Count(code => code == "AUTH_NOT_AUTHORIZED"));
        Assert.Equal("AUTH_NOT_AUTHORIZED", (await sales.PostAsync("query Census { keys { dataKeys { id } } }")).Codes.Single());

        // An operation limit refuses a document before it runs.
        var aliases = string.Join(' ', Enumerable.Range(0, 21).Select(i => $"a{i}: organizations {{ id }}"));
        Assert.Equal("LIMIT_EXCEEDED", (await management.PostAsync($"query TooManyAliases {{ {aliases} }}")).Codes.Single());

        // A GET whose query string holds two stored emails.
        var query = Uri.EscapeDataString("query ByEmail($email: String) { profiles(where: { email: $email }) { nodes { id } } }");
        var variables = Uri.EscapeDataString($$"""{"email":"{{DemoDataSeeder.DemoOwnerEmail}}","unused":"{{input["email"]}}"}""");
        var byEmail = await management.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/graphql?query={query}&variables={variables}"));
        Assert.Equal(HttpStatusCode.OK, byEmail.Status);
        Assert.Single(byEmail.Ok()["profiles"]!["nodes"]!.AsArray());

        // A key job: the new owner's profile is rekeyed in the gateway's background.
        (await _host.Client(custodianToken).PostAsync(
            "mutation Rekey($id: ID!) { startKeyJob(input: { kind: REKEY, profileId: $id }) { state } }", new { id = profileId })).Ok();
        await Poll.UntilAsync(() => _host.WithDb(db => db.AuditEntries.Any(o => o.Operation == CustodianOperationNames.Rekey)), Timeout, "The rekey being recorded");

        // The request span ends after its answer is sent: wait for the last one.
        var last = await management.PostAsync("query Last { __typename }");
        last.Ok();
        await Poll.UntilAsync(
            () => _host.Spans.FirstOrDefault(span => span.DisplayName == "query Last") is { } operation
                && _host.Spans.Any(span => span.SpanId == operation.ParentSpanId),
            Timeout,
            "The last request's span being exported");
    }
    /// <summary>The wrapped data keys (blind-index ones from the key store) and person keys, as the base64 an exporter would write them, and key XML.</summary>
    public IEnumerable<string> KeyMaterial() =>
        _host.WithDb(db => db.DataKeys.Select(k => k.WrappedKey).ToList())
            .Concat(_host.WithKeyStore(store => store.DataKeys.Select(k => k.WrappedKey).ToList()))
            .Concat(_host.WithKeyStore(store => store.PersonKeys.Select(k => k.WrappedKey).ToList()))
            .Where(wrapped => wrapped.Length > 0)
            .Select(Convert.ToBase64String)
            .Append("<masterKey");
}
