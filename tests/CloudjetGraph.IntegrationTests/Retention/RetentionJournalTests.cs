using System.Text;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Retention;

/// <summary>
/// What retention deletes leaves the database's files at once, the WAL included, as an erasure's
/// rows do: the pruned anonymous refusals (which name a client address) and the expired
/// invitation's email blind index are in neither the file nor the WAL after a run.
/// </summary>
[Trait(TestTraits.SqliteFileOnly, "scans the bytes of the .db and -wal files")]
public sealed class RetentionJournalTests
{
    [Fact]
    public async Task Cli_RunsRetention_LeavesNeitherThePrunedRefusalsNorTheEmailIndexInTheFileOrItsWal()
    {
        await using var scenario = await RetentionScenario.CreateAsync();
        byte[][] deleted = [Encoding.UTF8.GetBytes(RetentionScenario.OldRefusalA), Encoding.UTF8.GetBytes(RetentionScenario.OldRefusalB), scenario.ExpiredEmailIndex];
        Assert.True(await HeldAsync(scenario.App, deleted[0]), "Before the run the refusal's entry is on disk.");

        var run = await scenario.RunCliAsync();

        run.AssertDone();
        var busy = run.Error.Contains("could not be truncated after retention", StringComparison.Ordinal) ? " (the Cli logged that readers kept the checkpoint busy)" : string.Empty;
        foreach (var file in SqliteFiles.DatabaseAndWal(scenario.App))
        {
            var content = await SqliteFiles.ReadSharedAsync(file);
            for (var i = 0; i < deleted.Length; i++)
            {
                Assert.True(content.AsSpan().IndexOf(deleted[i]) < 0, $"{Path.GetFileName(file)} still holds deleted value #{i}{busy}.");
            }
        }
    }

    private static async Task<bool> HeldAsync(CloudjetApplication app, byte[] value)
    {
        foreach (var file in SqliteFiles.DatabaseAndWal(app))
        {
            if ((await SqliteFiles.ReadSharedAsync(file)).AsSpan().IndexOf(value) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
