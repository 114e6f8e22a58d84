namespace CloudjetGraph.Api.Health;

/// <summary>The readiness checks' names, as the <c>/health/ready</c> body lists them; operators' tools read them.</summary>
internal static class HealthCheckNames
{
    /// <summary>The profile database answers a query.</summary>
    public const string Database = "database";

    /// <summary>The key store answers a query.</summary>
    public const string KeyStore = "keyStore";

    /// <summary>The data keys are loaded in this process.</summary>
    public const string DataKeys = "dataKeys";

    /// <summary>A canary value seals and opens through the whole key hierarchy.</summary>
    public const string Canary = "canary";

    /// <summary>No stored value sits under a destroyed key or names no known key (Degraded, naming the keys, when one does).</summary>
    public const string KeyCensus = "keyCensus";

    /// <summary>No data key is disabled (Degraded, naming each disabled key by id and purpose, while one is).</summary>
    public const string DisabledDataKeys = "disabledDataKeys";

    /// <summary>Every file in the ring folder is authenticated by the ring certificate; Degraded names one that is not.</summary>
    public const string RingFiles = "ringFiles";
}
