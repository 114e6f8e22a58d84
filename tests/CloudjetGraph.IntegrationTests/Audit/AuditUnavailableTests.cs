using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Audit;

/// <summary>When the trail cannot be written, a response that would carry personal data carries none: a coded error, never a 500.</summary>
[ProviderSensitive("makes audit appends fail in the database")]
public sealed class AuditUnavailableTests
{
    // A trigger that refuses every append, as a full disk or a revoked grant would.
    private static readonly string RefuseAppends = TestDatabase.Sql(
        sqlite: "CREATE TRIGGER RefuseAudit BEFORE INSERT ON AuditEntries BEGIN SELECT RAISE(ABORT, 'refused'); END",
        postgres: """
            CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$;
            CREATE TRIGGER RefuseAudit BEFORE INSERT ON AuditEntries FOR EACH ROW EXECUTE FUNCTION refuse_audit();
            """);

    [Fact]
    public async Task Management_ReadsWhileTrailRefusesWrites_GetsAuditUnavailableAndNoData()
    {
        await using var app = new CloudjetApplication();
        await app.InitializeAsync();
        var id = app.WithDb(db => db.Profiles.First().Id);
        var management = app.Client(app.StaffToken(DefaultRole.Management, "management-demo"));
        var email = (await management.PostAsync("query($id: ID!) { profile(id: $id) { email } }", new { id })).Ok()["profile"]!["email"]!.GetValue<string>();
        app.TrailTampered = true;
        await app.ExecuteSqlAsync(RefuseAppends);

        var response = await management.PostAsync("query($id: ID!) { profile(id: $id) { email } }", new { id });

        Assert.Equal(System.Net.HttpStatusCode.OK, response.Status);
        Assert.Equal([ErrorCodes.AuditUnavailable], response.Codes);
        Assert.Null(response.Data);
        Assert.DoesNotContain(email, response.Body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Management_ReadsWhileTrailRefusesWrites_GraphQLResponseMediaTypeGets503()
    {
        await using var app = new CloudjetApplication();
        await app.InitializeAsync();
        app.TrailTampered = true;
        await app.ExecuteSqlAsync(RefuseAppends);
        var management = app.Client(app.StaffToken(DefaultRole.Management, "management-demo"));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = System.Net.Http.Json.JsonContent.Create(new { query = "{ profiles(first: 2) { nodes { fullName } } }" }) };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");

        var response = await management.SendAsync(request);

        Assert.Equal((System.Net.HttpStatusCode.ServiceUnavailable, ErrorCodes.AuditUnavailable), (response.Status, response.Codes.Single()));
        Assert.Null(response.Data);
    }
}
