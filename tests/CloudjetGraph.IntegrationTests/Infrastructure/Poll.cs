using System.Diagnostics;

namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>Waits for something another process or a background service does, checking often instead of sleeping a fixed long time.</summary>
public static class Poll
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(50);

    /// <summary>Returns once <paramref name="condition"/> holds; fails the test naming <paramref name="what"/> after <paramref name="timeout"/>.</summary>
    public static async Task UntilAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var started = Stopwatch.GetTimestamp();
        while (!condition())
        {
            if (Stopwatch.GetElapsedTime(started) > timeout)
            {
                Assert.Fail($"{what} did not happen within {timeout}.");
            }

            await Task.Delay(Interval);
        }
    }
}
