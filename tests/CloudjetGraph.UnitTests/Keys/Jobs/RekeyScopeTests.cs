using CloudjetGraph.Core.Keys.Jobs;

namespace CloudjetGraph.UnitTests.Keys.Jobs;

public sealed class RekeyScopeTests
{
    private static readonly Guid Id = new("0193a000-0000-7000-8000-000000000001");

    [Fact]
    public void Name_EachScope_IsPinnedString()
    {
        // Stored as the checkpoint's key: a rename would orphan checkpoints of interrupted runs.
        Assert.Equal("all", RekeyScope.All.Name);
        Assert.Equal("organization:0193a000-0000-7000-8000-000000000001", new RekeyScope(Id, null).Name);
        Assert.Equal("profile:0193a000-0000-7000-8000-000000000001", new RekeyScope(null, Id).Name);
    }

    [Fact]
    public void KindNames_Stored_ArePinned()
    {
        Assert.Equal(("rewrap", "rekey"), (KeyJobKinds.Rewrap, KeyJobKinds.Rekey));
        Assert.Equal(("running", "interrupted", "done"), (KeyJobStates.Running, KeyJobStates.Interrupted, KeyJobStates.Done));
    }
}
