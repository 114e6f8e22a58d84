namespace CloudjetGraph.Core.KeyStore;

/// <summary>
/// The one lease of all key jobs, a single row of the key store: who runs a job now and until when.
/// Taken and renewed by a conditional update (compare-and-swap), so two runners never both hold it;
/// a holder that dies stops renewing and the lease expires.
/// </summary>
internal sealed class KeyJobLease
{
    /// <summary>The id of the only row.</summary>
    public const string SingletonId = "key-jobs";

    /// <summary>Always <see cref="SingletonId"/>.</summary>
    public required string Id { get; init; }

    /// <summary>The runner holding the lease (host, process id and a random part); null when free.</summary>
    public string? Holder { get; set; }

    /// <summary>The kind of job the holder runs.</summary>
    public string? Kind { get; set; }

    /// <summary>The scope of the job the holder runs.</summary>
    public string? Scope { get; set; }

    /// <summary>When the lease expires unless renewed, in Unix milliseconds (a number, so every provider compares it in SQL).</summary>
    public long ExpiresAtUnixMs { get; set; }
}
