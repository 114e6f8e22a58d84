using System.Buffers;
using System.Text.RegularExpressions;

namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>Checks captured log lines for personal values, tokens and key material.</summary>
public static partial class LogPrivacy
{
    /// <summary>Markers every test-made personal value carries (see <see cref="Owners.NewInput"/>), and key XML.</summary>
    private static readonly string[] Markers = ["Kiểm Thử", "kiem.thu.", "kiemthu", "912 345 678", "correct horse battery", "<masterKey"];

    /// <summary>Fails naming the first log line that holds a secret, without printing the secret.</summary>
    public static void AssertClean(IEnumerable<string> lines, IEnumerable<string> personalValues)
    {
        var secrets = personalValues.Concat(Markers).Where(secret => secret.Length > 0).Distinct().ToList();

        // One pass over each line for all secrets at once: a host's disposal checks a few thousand
        // lines against over a thousand values, which one search per value made seconds.
        var anySecret = SearchValues.Create(secrets.ToArray(), StringComparison.OrdinalIgnoreCase);
        foreach (var line in lines)
        {
            if (line.AsSpan().ContainsAny(anySecret))
            {
                var leaked = secrets.FindIndex(secret => line.Contains(secret, StringComparison.OrdinalIgnoreCase));
                Assert.Fail($"A log line of {Source(line)} holds secret #{leaked}.");
            }

            Assert.False(Jwt().IsMatch(line), $"A log line of {Source(line)} holds a JWT.");
        }
    }

    // A JWT's encoded JSON header and the dot after it. Not a bare "eyJ", case-insensitive, which a
    // random base64 string in a log line (a key's thumbprint, say) holds about once in a thousand runs.
    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]")]
    private static partial Regex Jwt();

    // Level, category and event id only (see CapturedLogs): the message after them may hold the secret.
    private static string Source(string line) => line[..(line.IndexOf(']', StringComparison.Ordinal) + 1)];
}
