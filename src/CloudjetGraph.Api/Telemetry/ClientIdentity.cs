namespace CloudjetGraph.Api.Telemetry;

/// <summary>
/// Which client sent a request, as its <c>graphql-client-name</c> and <c>graphql-client-version</c>
/// headers say, reduced to a bounded set of values (see <see cref="ClientIdentifier"/>).
/// </summary>
/// <param name="Name">A known client's configured name, <see cref="Unknown"/> or <see cref="Other"/>.</param>
/// <param name="Version">A known client's version, <see cref="Unknown"/> or <see cref="Other"/>; null for any other client.</param>
internal readonly record struct ClientIdentity(string Name, string? Version)
{
    /// <summary>The header was not sent.</summary>
    public const string Unknown = "unknown";

    /// <summary>The header named no known client, or a value past the bounds.</summary>
    public const string Other = "other";

    /// <summary>A request that named no client.</summary>
    public static ClientIdentity Anonymous { get; } = new(Unknown, null);
}
