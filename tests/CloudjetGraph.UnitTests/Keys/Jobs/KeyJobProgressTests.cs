using CloudjetGraph.Core.Keys.Jobs;

namespace CloudjetGraph.UnitTests.Keys.Jobs;

public sealed class KeyJobProgressTests
{
    [Fact]
    public void EstimatedRemaining_HalfDoneInTenSeconds_IsTenSecondsAtFiftyRowsPerSecond()
    {
        var progress = new KeyJobProgress(Pending: 1000, Examined: 500, Changed: 480, Conflicts: 2, Elapsed: TimeSpan.FromSeconds(10));

        Assert.Equal(50, progress.RowsPerSecond);
        Assert.Equal(TimeSpan.FromSeconds(10), progress.EstimatedRemaining);
    }

    [Fact]
    public void EstimatedRemaining_NothingExaminedYet_IsUnknown()
    {
        var progress = new KeyJobProgress(1000, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(0, progress.RowsPerSecond);
        Assert.Null(progress.EstimatedRemaining);
    }

    [Fact]
    public void EstimatedRemaining_MoreExaminedThanPending_IsZero()
    {
        // A rekey also examines profiles it already moved, so examined may pass the pending count.
        var progress = new KeyJobProgress(10, 20, 10, 0, TimeSpan.FromSeconds(2));

        Assert.Equal(TimeSpan.Zero, progress.EstimatedRemaining);
    }
}
