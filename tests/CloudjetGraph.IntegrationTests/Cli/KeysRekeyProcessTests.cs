using System.Collections.Concurrent;
using CloudjetGraph.Core.Accounts;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.Fields;
using CloudjetGraph.Core.Keys.Jobs;
using CloudjetGraph.Core.Profiles;
using CloudjetGraph.Core.Seeding;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.IntegrationTests.Cli;

/// <summary>
/// <c>keys rekey</c> as a real process beside a running gateway: killed with <c>kill -9</c> at random
/// points while an editor changes profiles, a second runner refused by the lease, and Ctrl+C.
/// Process tests run once, on SQLite: the lease, and a job interrupted after its batch and resumed,
/// run on both providers in process (<c>KeysRekeyTests</c>, <c>KeyJobMutationsTests</c>).
/// </summary>
public sealed class KeysRekeyProcessTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Custodian_RekeyKilledFiveTimesWhileEditorWrites_NothingLostAndCensusClean()
    {
        // A long cache life: the gateway surely still holds the old keys when the values move.
        await using var host = new CloudjetApplication().With("KeyStore:CacheTimeToLive", "00:10:00");
        await host.InitializeAsync();
        await BulkProfiles.AddAsync(host.Services, DemoDataSeeder.Organizations[3].Id, 600);
        var before = await ProfileValues.ReadAsync(host.Services);
        var oldKeys = host.WithKeyStore(store => store.PersonKeys.Select(k => k.Id).ToHashSet());
        var environment = CliProcess.EnvironmentOf(host);
        environment["KeyJobs__LeaseDuration"] = "00:00:01";

        var edited = before.Keys.Order().Where((_, i) => i % 40 == 0).ToList();
        var lastWrites = new ConcurrentDictionary<Guid, string>();
        using var stopEditing = new CancellationTokenSource();
        var editor = Task.Run(() => EditAsync(host.Services, edited, lastWrites, stopEditing.Token));

        var random = new Random(20261125);
        for (var kills = 0; kills < 5; kills++)
        {
            // A killed runner's lease lives until it expires (a second here); the next starts after.
            await KeyJobLeaseWait.UntilFreeAsync(host, Timeout);
            // At most about 100 rows move before each kill (1.5 s at 60 rows a second, plus a batch),
            // so five kills leave most of the 800 profiles to the last run.
            using var run = new CliProcess(environment, "keys", "rekey", "--all", "--batch", "10", "--rate", "60");

            // A progress line, not just the prefix that an error would carry too: the runner holds the lease.
            await run.WaitForAsync(" rows, ", Timeout);
            await Task.Delay(random.Next(0, 1500));
            Assert.False(run.HasExitedWith(0), $"The run finished before it could be killed:{Environment.NewLine}{run.Output}");
            run.KillHard();
        }

        // Only once the lease has expired is the killed run interrupted rather than running.
        await KeyJobLeaseWait.UntilFreeAsync(host, Timeout);
        var checkpoint = Assert.Single(await host.Services.GetRequiredService<KeyJobStatusReader>().ReadAsync(CancellationToken.None));
        Assert.Equal(KeyJobStates.Interrupted, checkpoint.State);
        Assert.InRange(checkpoint.Examined, 1, before.Count - 1);

        using (var rerun = new CliProcess(environment, "keys", "rekey", "--all", "--batch", "25"))
        {
            Assert.True(await rerun.ExitCodeAsync(Timeout) == 0, rerun.Output);
        }

        await stopEditing.CancelAsync();
        await editor;

        Assert.NotEmpty(lastWrites);
        var expected = before.ToDictionary(p => p.Key, p => new Dictionary<string, string?>(p.Value));
        foreach (var (profileId, jobTitle) in lastWrites)
        {
            expected[profileId][ProfileSealer.ColumnName(ProfileField.JobTitle)] = jobTitle;
        }

        Assert.Equal(expected, await ProfileValues.ReadAsync(host.Services));
        Assert.Empty(PersonKeyAudit.Problems(host));
        Assert.Empty(host.WithKeyStore(store => store.PersonKeys.Select(k => k.Id).ToList()).Intersect(oldKeys));

        // And through the gateway, whose key cache predates the rekey.
        var management = host.Client(host.StaffToken(DefaultRole.Management, "management-rekey"));
        var watched = edited[0];
        var read = (await management.PostAsync("query($id: ID!) { profile(id: $id) { jobTitle } }", new { id = watched })).Ok();
        Assert.Equal(lastWrites[watched], read["profile"]!["jobTitle"]!.GetValue<string>());
    }

    [Fact]
    public async Task Custodian_SecondRunnerWhileFirstHoldsLease_ExitsFourThenFinishesAfterHolderKilled()
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        var before = await ProfileValues.ReadAsync(host.Services);
        var environment = CliProcess.EnvironmentOf(host);
        // The holder renews the lease after each batch (2.5 s apart at this rate); five seconds keep
        // it held on a loaded machine, and expire soon after the holder is killed. At this rate the
        // holder runs for 50 s, so a second runner slow to start on a loaded machine still meets it.
        environment["KeyJobs__LeaseDuration"] = "00:00:05";

        using var first = new CliProcess(environment, "keys", "rekey", "--all", "--batch", "10", "--rate", "4");
        // A progress line, not just the prefix that an error would carry too: the first holds the lease.
        await first.WaitForAsync(" rows, ", Timeout);
        using (var second = new CliProcess(environment, "keys", "rekey", "--all"))
        {
            var exitCode = await second.ExitCodeAsync(Timeout);
            Assert.True(exitCode == 4, $"The second runner exited {exitCode}.{Environment.NewLine}Second:{Environment.NewLine}{second.Output}First:{Environment.NewLine}{first.Output}");
            Assert.Contains($"keys rekey: [KEY_JOB_RUNNING] Another runner holds the key job lease: {Environment.MachineName}/pid {first.Id}/", second.Output, StringComparison.Ordinal);
            Assert.Contains("(rekey all), until ", second.Output, StringComparison.Ordinal);
        }

        first.KillHard();
        await KeyJobLeaseWait.UntilFreeAsync(host, Timeout);
        using (var takeover = new CliProcess(environment, "keys", "rekey", "--all"))
        {
            Assert.True(await takeover.ExitCodeAsync(Timeout) == 0, takeover.Output);
        }

        Assert.Equal(before, await ProfileValues.ReadAsync(host.Services));
        Assert.Empty(PersonKeyAudit.Problems(host));
    }

    [Fact]
    public async Task Custodian_InterruptsRekey_ExitsThreeAndRerunResumes()
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        var before = await ProfileValues.ReadAsync(host.Services);
        var environment = CliProcess.EnvironmentOf(host);

        // Two rows a second: on a loaded machine the Ctrl+C can take a second or more to land, and
        // the job must still be running then.
        using (var run = new CliProcess(environment, "keys", "rekey", "--all", "--batch", "2", "--rate", "2"))
        {
            await run.WaitForAsync("keys rekey: ", Timeout);
            run.Interrupt();
            Assert.Equal(3, await run.ExitCodeAsync(Timeout));
            Assert.Contains("interrupted after the batch in flight", run.Output, StringComparison.Ordinal);
            Assert.Contains("Work remains: run the same command again to resume.", run.Output, StringComparison.Ordinal);
        }

        var interrupted = Assert.Single(await host.Services.GetRequiredService<KeyJobStatusReader>().ReadAsync(CancellationToken.None));
        Assert.Equal(KeyJobStates.Interrupted, interrupted.State);
        Assert.InRange(interrupted.Examined, 1, before.Count - 1);
        Assert.Equal(before, await ProfileValues.ReadAsync(host.Services));

        using var resume = new CliProcess(environment, "keys", "rekey", "--all");
        Assert.Equal(0, await resume.ExitCodeAsync(Timeout));
        Assert.Contains($"{before.Count - interrupted.Examined} examined", resume.Output, StringComparison.Ordinal);
        Assert.Equal(before, await ProfileValues.ReadAsync(host.Services));
        Assert.Empty(PersonKeyAudit.Problems(host));
    }

    // An owner editing their profiles through Core throughout: a conflict (the rekey moved the
    // profile between read and save) is retried, as a client would; anything else fails the test.
    private static async Task EditAsync(IServiceProvider services, List<Guid> profiles, ConcurrentDictionary<Guid, string> lastWrites, CancellationToken stop)
    {
        for (var n = 0; !stop.IsCancellationRequested; n++)
        {
            var profileId = profiles[n % profiles.Count];
            var title = $"Edited title {n}";
            using var scope = services.CreateScope();
            try
            {
                await scope.ServiceProvider.GetRequiredService<ProfileAccounts>().UpdateAsync(profileId, new Dictionary<ProfileField, string?> { [ProfileField.JobTitle] = title }, CancellationToken.None);
                lastWrites[profileId] = title;
            }
            catch (DomainException exception) when (exception.Code == ErrorCodes.Conflict)
            {
                // Not written: the next round writes this profile again.
            }

            await Task.Delay(20, CancellationToken.None);
        }
    }
}
