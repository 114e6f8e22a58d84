namespace CloudjetGraph.Core.Keys.Jobs;

/// <summary>The kinds of key job: stored in checkpoints and the lease, so fixed strings.</summary>
public static class KeyJobKinds
{
    /// <summary><c>keys rewrap</c>: person keys moved to the active wrapping key.</summary>
    public const string Rewrap = "rewrap";

    /// <summary><c>keys rekey</c>: new person keys, every sealed value re-sealed.</summary>
    public const string Rekey = "rekey";

    /// <summary><c>keys reindex</c>: blind-index entries recomputed under the active index key.</summary>
    public const string Reindex = "reindex";
}
