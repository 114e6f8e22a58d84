namespace CloudjetGraph.Core.Keys.Lifecycle;

/// <summary>The policy's answer to one transition: the state it leads to, or the guard that refused it.</summary>
/// <param name="To">The state after the transition; the state before when refused.</param>
/// <param name="RefusalCode">Null when allowed; otherwise one of the key codes of <see cref="Errors.ErrorCodes"/>.</param>
/// <param name="Reason">Why it was refused, for custodians; empty when allowed.</param>
internal sealed record DataKeyDecision(DataKeyState To, string? RefusalCode, string Reason)
{
    /// <summary>When an allowed scheduling lets the key be destroyed; null for every other decision.</summary>
    public DateTimeOffset? DestroyAfter { get; init; }

    /// <summary>Whether the transition may happen.</summary>
    public bool IsAllowed => RefusalCode is null;

    internal static DataKeyDecision Allow(DataKeyState to) => new(to, null, string.Empty);

    internal static DataKeyDecision Refuse(DataKeyState stays, string code, string reason) => new(stays, code, reason);
}
