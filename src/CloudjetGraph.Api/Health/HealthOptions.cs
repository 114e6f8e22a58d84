using System.ComponentModel.DataAnnotations;

namespace CloudjetGraph.Api.Health;

/// <summary>Settings of the readiness checks.</summary>
internal sealed class HealthOptions
{
    /// <summary>Configuration section: <c>Health</c>.</summary>
    public const string SectionName = "Health";

    /// <summary>
    /// How long readiness reuses a key census before it counts again (1 second-1 day): the census
    /// reads every stored header, so it is taken at most this often. Default 5 minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan KeyCensusInterval { get; set; } = TimeSpan.FromMinutes(5);
}
