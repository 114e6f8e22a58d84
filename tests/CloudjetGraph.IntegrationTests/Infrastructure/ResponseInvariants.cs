using System.Net;
using System.Text.Json;

namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>What no response may ever be, whatever was asked: a server error, a stack trace, or a secret.</summary>
public static class ResponseInvariants
{
    private static readonly string[] StackTraceMarkers = ["   at ", "Exception:", "StackTrace", ".cs:line"];

    /// <summary>Fails naming the broken invariant, never quoting the secret it found.</summary>
    public static void AssertSafe(HttpStatusCode status, string body, IReadOnlySet<string> forbiddenValues, IReadOnlyList<string> storedSecrets, string context)
    {
        Assert.True((int)status < 500, $"{context}: HTTP {(int)status}.");
        if (body.Length > 0)
        {
            try
            {
                using var _ = JsonDocument.Parse(body);
            }
            catch (JsonException)
            {
                Assert.Fail($"{context}: the body is not JSON.");
            }
        }

        Assert.False(StackTraceMarkers.Any(marker => body.Contains(marker, StringComparison.Ordinal)), $"{context}: the body holds a stack trace or an exception's text.");
        Assert.False(storedSecrets.Any(secret => body.Contains(secret, StringComparison.Ordinal)), $"{context}: the body holds a stored ciphertext or password hash.");
        // Values come lower-cased (ReleaseOracle), so one lower-casing of the body serves them all.
        var lowered = body.ToLowerInvariant();
        var leaked = forbiddenValues.Count(value => lowered.Contains(value, StringComparison.Ordinal));
        Assert.True(leaked == 0, $"{context}: the body holds {leaked} personal values the caller may not read.");
    }
}
