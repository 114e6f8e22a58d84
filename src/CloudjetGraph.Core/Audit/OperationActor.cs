using CloudjetGraph.Core.Authorization;

namespace CloudjetGraph.Core.Audit;

/// <summary>Who performs a recorded operation (key custodian or privacy): never a token, only its subject and role.</summary>
/// <param name="Subject">The token subject, or the operating system user running the Cli.</param>
/// <param name="Role">The role name, or <see cref="CliRole"/>.</param>
public sealed record OperationActor(string Subject, string Role)
{
    /// <summary>The role recorded for the custodian tool, which runs with the key ring's file access rather than a token.</summary>
    public const string CliRole = "cli";

    /// <summary>The role recorded for what a gateway does on its own, with no caller behind it (attempts under a disabled key).</summary>
    public const string GatewayRole = "gateway";

    /// <summary>A gateway instance, named by its host name.</summary>
    public static OperationActor Gateway() => new(Environment.MachineName, GatewayRole);

    /// <summary>The operating system user running the custodian tool.</summary>
    public static OperationActor Cli() => new(Environment.UserName, CliRole);

    /// <summary>A GraphQL caller, by token subject and role.</summary>
    public static OperationActor Of(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return new(caller.Subject ?? string.Empty, caller.Role.Name);
    }

    /// <summary>
    /// A GraphQL caller as its refusals are counted: by token subject, or, without a token, by the
    /// client address (an IPv6 one as its /64) that the rate limits partition by.
    /// </summary>
    public static OperationActor Refused(Caller caller, string? clientAddress)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return new(caller.Subject ?? clientAddress ?? string.Empty, caller.Role.Name);
    }
}
