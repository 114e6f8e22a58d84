extern alias cli;

using System.CommandLine;
using System.Text.Json.Nodes;
using cli::CloudjetGraph.Cli;
using CloudjetGraph.Core.KeyRing;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.IntegrationTests.Cli;

/// <summary>
/// The tool as custodians script it: one JSON object on stdout with <c>--json</c>, for a success and
/// for a refusal alike, with the exit code it has without <c>--json</c>; a usage error (unknown
/// option, malformed duration) exits 2; a verb that changes keys refuses to run from a script
/// without <c>--yes</c> and changes nothing.
/// </summary>
public sealed class CliScriptingTests
{
    private const int Usage = 2;
    private const int RefusedByGuard = 7;

    private static readonly string[] VerbsThatChangeKeys =
        ["rotate-master", "revoke-master", "sign-ring", "rotate-data", "disable", "enable", "schedule-destroy", "cancel-destroy", "destroy-data"];

    [Fact]
    public void Verbs_EveryKeysAndAuditVerb_TakesJson()
    {
        var verbs = Leaves(KeysCommand.Create(() => throw new InvalidOperationException())).Concat(Leaves(AuditCommand.Create(() => throw new InvalidOperationException()))).ToList();

        Assert.Contains(verbs, verb => verb.Name == "history");
        Assert.All(verbs, verb => Assert.True(verb.Options.Any(option => option.Name == "--json"), $"{verb.Name} has no --json"));
    }

    [Fact]
    public void Verbs_EveryVerbThatChangesKeys_TakesYes()
    {
        var keys = KeysCommand.Create(() => throw new InvalidOperationException());

        var confirmed = keys.Subcommands.Where(verb => verb.Options.Any(option => option.Name == "--yes")).Select(verb => verb.Name).Order();

        Assert.Equal(VerbsThatChangeKeys.Order(), confirmed);
    }

    [Theory]
    [InlineData("list", "--bogus")]
    [InlineData("disable", "--yes", "not-a-key")]
    [InlineData("frobnicate")]
    public async Task Custodian_GivesABadCommandLine_ExitsUsageWithOneLine(params string[] arguments)
    {
        var (exitCode, output, error) = await Custodian.KeysAsync(arguments);

        Assert.Equal((Usage, string.Empty), (exitCode, output));
        Assert.Contains("[USAGE] ", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public async Task Custodian_GivesAnUnknownOptionWithJson_GetsOneJsonErrorAndUsageExit()
    {
        var (exitCode, output, error) = await Custodian.KeysAsync("history", "--json", "--bogus");

        Assert.Equal((Usage, string.Empty), (exitCode, error));
        var failure = JsonNode.Parse(output)!;
        Assert.Equal("USAGE", failure["error"]!["code"]!.GetValue<string>());
        Assert.Contains("--bogus", failure["error"]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rotate-master", "--yes", "--activate-in", "7x")]
    [InlineData("rotate-master", "--yes", "--activate-in", "1.00:00:00")]
    [InlineData("schedule-destroy", "--yes", "0193a000-0000-7000-8000-000000000001", "--after", "soon")]
    [InlineData("history", "--limit", "0")]
    public async Task Custodian_GivesAMalformedValue_ExitsUsageBeforeReadingAnything(params string[] arguments)
    {
        // No database, no ring: a usage error is found before either is touched.
        var folder = Path.Combine(Path.GetTempPath(), "cloudjet-tests", Guid.NewGuid().ToString("N"));
        var settings = Custodian.SettingsOf(Path.Combine(folder, "cloudjet.db"), Path.Combine(folder, "keys"));

        var (exitCode, output, error) = await Custodian.KeysAsync(settings, arguments);

        Assert.Equal((Usage, string.Empty), (exitCode, output));
        Assert.StartsWith($"keys {arguments[0]}: ", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder));
    }

    [Fact]
    public async Task Custodian_DisablesFromAScriptWithoutYes_RefusedAndNothingChangedThenRunsWithYes()
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        var settings = Custodian.DevelopmentSettingsOf(host);
        var old = await Custodian.DecryptOnlyDataKeyAsync(settings, "blind-index");
        var digest = await DatabaseDigest.OfAsync(host);

        var (refused, refusedOutput, refusal) = await Custodian.KeysAsync(settings, "disable", old.ToString());
        var (refusedJson, refusalJson, _) = await Custodian.KeysAsync(settings, "disable", old.ToString(), "--json");

        Assert.Equal((Usage, string.Empty), (refused, refusedOutput));
        Assert.Equal($"keys disable: Disable data key {old}: nothing under it opens until `keys enable`. Not run: without a terminal nobody can confirm it; pass --yes (`keys disable --yes`) to run it from a script.", refusal.Trim());
        Assert.Equal(Usage, refusedJson);
        Assert.Equal("CONFIRMATION_REQUIRED", JsonNode.Parse(refusalJson)!["error"]!["code"]!.GetValue<string>());
        Assert.Equal(digest, await DatabaseDigest.OfAsync(host));

        var (exitCode, output, error) = await Custodian.KeysAsync(settings, "disable", old.ToString(), "--yes", "--json");

        Assert.True(exitCode == 0, error);
        var change = JsonNode.Parse(output)!;
        Assert.Equal((old, "blind-index", "disabled"), (change["id"]!.GetValue<Guid>(), change["purpose"]!.GetValue<string>(), change["state"]!.GetValue<string>()));
        Assert.NotNull(host.WithDb(db => db.DataKeys.AsNoTracking().Single(k => k.Id == old)).DisabledAt);
    }

    [Fact]
    public async Task Custodian_IsRefusedByAGuardWithJson_GetsTheCodeAndTheSameExitCode()
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        var settings = Custodian.DevelopmentSettingsOf(host);
        var old = await Custodian.DecryptOnlyDataKeyAsync(settings, "blind-index");

        var text = await Custodian.KeysAsync(settings, "enable", "--yes", old.ToString());
        var json = await Custodian.KeysAsync(settings, "enable", "--yes", old.ToString(), "--json");

        Assert.Equal((RefusedByGuard, RefusedByGuard), (text.ExitCode, json.ExitCode));
        Assert.StartsWith("keys enable: [KEY_TRANSITION_REFUSED] ", text.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, json.Error);
        var error = JsonNode.Parse(json.Output)!["error"]!;
        Assert.Equal("KEY_TRANSITION_REFUSED", error["code"]!.GetValue<string>());
        Assert.Equal(text.Error.Trim()["keys enable: [KEY_TRANSITION_REFUSED] ".Length..], error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Custodian_SchedulesWithJson_GetsStateAndDestroyAfter()
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        var settings = Custodian.DevelopmentSettingsOf(host);
        var old = await Custodian.DecryptOnlyDataKeyAsync(settings, "blind-index");
        Assert.Equal(0, (await Custodian.KeysAsync(settings, "disable", "--yes", old.ToString())).ExitCode);

        var (exitCode, output, error) = await Custodian.KeysAsync(settings, "schedule-destroy", "--yes", "--json", old.ToString(), "--after", "240h");

        Assert.True(exitCode == 0, error);
        var change = JsonNode.Parse(output)!;
        Assert.Equal("scheduled-for-destruction", change["state"]!.GetValue<string>());
        var row = host.WithDb(db => db.DataKeys.AsNoTracking().Single(k => k.Id == old));
        Assert.Equal(row.DestroyAfter, change["destroyAfter"]!.GetValue<DateTimeOffset>());
        Assert.Equal(TimeSpan.FromDays(10), row.DestroyAfter - row.DestroyScheduledAt);
    }

    [Fact]
    public async Task Custodian_ShowsKeysAndReadsHistoryAndJobs_SameAsListAndGraphQLRead()
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        var settings = Custodian.DevelopmentSettingsOf(host);
        var old = CensusJson.ActiveKeyId(await Custodian.ListAsync(settings), "person-keys");
        await Custodian.RotateDataAsync(settings, "person-keys");
        var rewrap = await Custodian.KeysAsync(settings, "rewrap");
        Assert.True(rewrap.ExitCode == 0, rewrap.Error);
        var disable = await Custodian.KeysAsync(settings, "disable", "--yes", old.ToString());
        Assert.True(disable.ExitCode == 0, disable.Error);
        var census = await Custodian.ListAsync(settings);
        var masterKey = census["masterKeys"]![0]!;

        var shownData = await Custodian.KeysAsync(settings, "show", old.ToString(), "--json");
        var shownMaster = await Custodian.KeysAsync(settings, "show", masterKey["id"]!.GetValue<string>(), "--json");
        var shownTable = await Custodian.KeysAsync(settings, "show", old.ToString());
        var history = await Custodian.KeysAsync(settings, "history", "--json", "--limit", "2");
        var historyTable = await Custodian.KeysAsync(settings, "history");
        var jobs = await Custodian.KeysAsync(settings, "jobs", "--json");
        var jobsTable = await Custodian.KeysAsync(settings, "jobs");

        Assert.True(shownData.ExitCode == 0, shownData.Error);
        Assert.Equal("data", JsonNode.Parse(shownData.Output)!["kind"]!.GetValue<string>());
        Assert.Equal(CensusJson.DataKey(census, old).ToJsonString(), JsonNode.Parse(shownData.Output)!["dataKey"]!.ToJsonString());
        Assert.Equal(masterKey.ToJsonString(), JsonNode.Parse(shownMaster.Output)!["masterKey"]!.ToJsonString());
        Assert.Contains(old.ToString(), shownTable.Output, StringComparison.Ordinal);
        Assert.Contains("disabled", shownTable.Output, StringComparison.Ordinal);

        Assert.True(history.ExitCode == 0, history.Error);
        var operations = JsonNode.Parse(history.Output)!["operations"]!.AsArray();
        Assert.Equal(
            [("keys.disable", "succeeded", $"person-keys key {old}"), ("keys.rewrap", "succeeded", "all")],
            operations.Select(o => (o!["operation"]!.GetValue<string>(), o["outcome"]!.GetValue<string>(), o["target"]!.GetValue<string>())));
        Assert.True(JsonNode.Parse(history.Output)!["hasMore"]!.GetValue<bool>());
        Assert.Equal("cli", operations[0]!["actorRole"]!.GetValue<string>());
        Assert.Contains("keys.disable", historyTable.Output, StringComparison.Ordinal);
        Assert.True(historyTable.Output.IndexOf("keys.disable", StringComparison.Ordinal) < historyTable.Output.IndexOf("keys.rewrap", StringComparison.Ordinal));

        Assert.True(jobs.ExitCode == 0, jobs.Error);
        var job = Assert.Single(JsonNode.Parse(jobs.Output)!["jobs"]!.AsArray())!;
        Assert.Equal(("rewrap", "all", "done"), (job["kind"]!.GetValue<string>(), job["scope"]!.GetValue<string>(), job["state"]!.GetValue<string>()));
        Assert.Null(job["holder"]);
        Assert.Contains("rewrap", jobsTable.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Custodian_ShowsAnUnknownKey_ExitsOneWithKeyNotFound()
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        var unknown = Guid.NewGuid();

        var text = await Custodian.KeysAsync(Custodian.SettingsOf(host), "show", unknown.ToString());
        var json = await Custodian.KeysAsync(Custodian.SettingsOf(host), "show", unknown.ToString(), "--json");

        Assert.Equal((1, string.Empty), (text.ExitCode, text.Output));
        Assert.Equal($"keys show: [KEY_NOT_FOUND] No master key or data key has id {unknown}; `keys list` shows every key.", text.Error.Trim());
        Assert.Equal(1, json.ExitCode);
        Assert.Equal("KEY_NOT_FOUND", JsonNode.Parse(json.Output)!["error"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task Custodian_RunsAJobWithJson_GetsOneObjectOnStdoutAndProgressOnStderr()
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        var settings = Custodian.DevelopmentSettingsOf(host);
        await Custodian.RotateDataAsync(settings, "person-keys");

        var (exitCode, output, error) = await Custodian.KeysAsync(settings, "rewrap", "--json");

        Assert.True(exitCode == 0, error);
        var result = JsonNode.Parse(output)!;
        Assert.Equal(("rewrap", true), (result["kind"]!.GetValue<string>(), result["finished"]!.GetValue<bool>()));
        Assert.True(result["changed"]!.GetValue<long>() > 0);
        Assert.Contains("keys rewrap: ", error, StringComparison.Ordinal);
    }

    private static IEnumerable<Command> Leaves(Command command) =>
        command.Subcommands.Count == 0 ? [command] : command.Subcommands.SelectMany(Leaves);
}
