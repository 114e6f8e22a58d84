using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CloudjetGraph.Core.Seeding;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Hosting;

/// <summary>
/// The README's commands, run as processes: the gateway with <c>dotnet run</c> and <c>--urls</c>,
/// and the CLI's token and keys list commands, against a fresh data directory.
/// </summary>
public sealed partial class ReadmeCommandTests : IDisposable
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "cloudjet-readme", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string> _environment;

    public ReadmeCommandTests()
    {
        _environment = new()
        {
            ["ConnectionStrings__Cloudjet"] = $"Data Source={Path.Combine(_dataDirectory, "cloudjet.db")}",
            ["DataProtection__KeyRingPath"] = Path.Combine(_dataDirectory, "keys"),
        };
    }

    [Fact]
    public async Task ReadmeRunCommand_OnAFreshDataDirectory_SignsUpWithADemoInvitationAndServesCliStaffTokensAndTheKeyCensus()
    {
        using var gateway = ProjectProcess.StartDotnetRun("src/CloudjetGraph.Api", _environment, "--urls", "http://127.0.0.1:0");
        var address = (await gateway.WaitForAsync(ListeningOn(), TimeSpan.FromMinutes(2))).Groups[1].Value;
        using var http = new HttpClient { BaseAddress = new Uri(address) };

        var input = Owners.NewInput("readme");
        input["invitationCode"] = DemoDataSeeder.Invitations[0].Code;
        var signUp = await new GraphQLClient(http, null).PostAsync(Owners.SignUpMutation, new { input });
        var profileId = signUp.Ok()["signUp"]!["profileId"]!.GetValue<string>();
        var login = await new GraphQLClient(http, null).PostAsync(
            "mutation { login(email: \"kiem.thu.readme@example.vn\", password: \"correct horse battery\") { token } }");
        var me = await new GraphQLClient(http, login.Ok()["login"]!["token"]!.GetValue<string>()).PostAsync("{ me { id fullName } }");
        Assert.Equal(profileId, me.Ok()["me"]!["id"]!.GetValue<string>());
        Assert.Equal("Trần Thị Kiểm Thử readme", me.Ok()["me"]!["fullName"]!.GetValue<string>());

        var (exitCode, stdout, stderr) = await ProjectProcess.DotnetRunToEndAsync("src/CloudjetGraph.Cli", _environment, "--", "token", "--role", "support", "--sub", "support-demo");
        Assert.True(exitCode == 0, stderr);
        var token = stdout.TrimEnd('\n', '\r');
        Assert.Matches(Jwt(), token);

        // The demo invitation opens an account in Minh Anh, one of support-demo's two organisations.
        var profiles = await new GraphQLClient(http, token).PostAsync("{ profiles { totalCount } }");
        Assert.Equal(DemoDataSeeder.ProfileCount / 2 + 1, profiles.Ok()["profiles"]!["totalCount"]!.GetValue<int>());

        // For scripts, --json gives the token with its expiry.
        var (jsonExit, jsonOutput, jsonError) = await ProjectProcess.DotnetRunToEndAsync("src/CloudjetGraph.Cli", _environment, "--", "token", "--role", "support", "--sub", "support-demo", "--json");
        Assert.True(jsonExit == 0, jsonError);
        var issued = JsonNode.Parse(jsonOutput)!;
        Assert.Matches(Jwt(), issued["token"]!.GetValue<string>());
        Assert.True(issued["expiresAt"]!.GetValue<DateTimeOffset>() > DateTimeOffset.UtcNow);

        // The custodians' census, as the README runs it, while the gateway serves.
        var (listExitCode, census, listError) = await ProjectProcess.DotnetRunToEndAsync("src/CloudjetGraph.Cli", _environment, "--", "keys", "list", "--json");
        Assert.True(listExitCode == 0, listError);
        var dataKeys = JsonNode.Parse(census)!["dataKeys"]!.AsArray();
        Assert.Equal(DemoDataSeeder.ProfileCount + 1, dataKeys.Single(k => k!["purpose"]!.GetValue<string>() == "row-integrity")!["census"]!["accessTags"]!.GetValue<int>());
    }

    [Fact]
    public async Task CliTokenCommand_WithUnknownRole_FailsWithoutOutput()
    {
        var (exitCode, stdout, stderr) = await ProjectProcess.DotnetRunToEndAsync("src/CloudjetGraph.Cli", _environment, "--", "token", "--role", "owner", "--sub", "x");

        Assert.Equal(2, exitCode);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("unknown staff role", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CliTokenCommand_BeforeTheGatewayEverRan_ExplainsWhatToDo()
    {
        var (exitCode, stdout, stderr) = await ProjectProcess.DotnetRunToEndAsync("src/CloudjetGraph.Cli", _environment, "--", "token", "--role", "sales", "--sub", "sales-demo");

        Assert.NotEqual(0, exitCode);
        Assert.Equal(string.Empty, stdout);
        Assert.Contains("start the gateway once", stderr, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was written.
        }
    }

    [GeneratedRegex(@"Now listening on: (http://127\.0\.0\.1:\d+)")]
    private static partial Regex ListeningOn();

    [GeneratedRegex(@"^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$")]
    private static partial Regex Jwt();
}
