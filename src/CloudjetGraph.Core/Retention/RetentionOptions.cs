using System.ComponentModel.DataAnnotations;

namespace CloudjetGraph.Core.Retention;

/// <summary>How long what the gateway keeps only for a while is kept, and how often the gateway clears it (<see cref="RetentionRun"/>).</summary>
public sealed class RetentionOptions
{
    /// <summary>Configuration section: <c>Retention</c>.</summary>
    public const string SectionName = "Retention";

    /// <summary>
    /// Days after its expiry that an invitation never used is deleted, with the blind index of the
    /// email it was bound to. Used invitations stay: they record how an account was opened, and go
    /// with the account. Default 30.
    /// </summary>
    [Range(1, 3650)]
    public int ExpiredInvitationDays { get; set; } = 30;

    /// <summary>
    /// Days that the denial entries of anonymous callers (they name a client address) stay in the
    /// audit trail; older ones are pruned under a checkpoint (docs/audit.md). Never releases,
    /// operations or a signed-in caller's entries. Default 90.
    /// </summary>
    [Range(1, 3650)]
    public int AnonymousRefusalDays { get; set; } = 90;

    /// <summary>Whether each gateway runs retention on its own every <see cref="Interval"/>; the Cli's <c>retention run</c> works either way. Default true.</summary>
    public bool RunInGateway { get; set; } = true;

    /// <summary>How often a gateway runs retention, the first time one interval after it starts. Default one day.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan Interval { get; set; } = TimeSpan.FromDays(1);
}
