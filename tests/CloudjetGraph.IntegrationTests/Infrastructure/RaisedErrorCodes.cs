using System.Collections.Concurrent;

namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>
/// Every <c>extensions.code</c> a response of this test run carried, recorded by
/// <see cref="GraphQLClient"/>, so that <c>ErrorCodeCoverageTests</c> can tell which documented
/// codes no test ever provoked.
/// </summary>
public static class RaisedErrorCodes
{
    private static readonly ConcurrentDictionary<string, bool> Seen = new(StringComparer.Ordinal);

    /// <summary>The codes seen so far in this process.</summary>
    public static IReadOnlyCollection<string> All => [.. Seen.Keys];

    /// <summary>Records the codes of one response.</summary>
    public static void Record(IEnumerable<string?> codes)
    {
        foreach (var code in codes.OfType<string>())
        {
            Seen.TryAdd(code, true);
        }
    }
}
