using System.ComponentModel.DataAnnotations;

namespace CloudjetGraph.Core.KeyStore;

/// <summary>How unwrapped person keys are cached in memory.</summary>
public sealed class KeyStoreOptions
{
    /// <summary>Configuration section: <c>KeyStore</c>.</summary>
    public const string SectionName = "KeyStore";

    /// <summary>Most unwrapped person keys held in memory (1-10 000 000). Default 10 000.</summary>
    [Range(1, 10_000_000)]
    public int CacheSize { get; set; } = 10_000;

    /// <summary>
    /// How long an unwrapped person key stays cached after it was fetched (1 second-1 hour): also how
    /// long another instance may still serve a person whose key was shredded. Default 1 minute.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan CacheTimeToLive { get; set; } = TimeSpan.FromMinutes(1);
}
