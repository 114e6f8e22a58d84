using CloudjetGraph.Core.KeyRing;
using Microsoft.EntityFrameworkCore;

namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>
/// Brings a decrypt-only data key to where <c>keys destroy-data</c> may take it: disabled and
/// scheduled through the Cli (which runs on the system clock), then the waiting period moved into
/// the past on its row, as if the week had gone by.
/// </summary>
public static class DataKeyScheduling
{
    /// <summary><c>keys disable</c> then <c>keys schedule-destroy</c>, asserted to succeed, then the waiting period over.</summary>
    public static async Task ScheduleAndWaitAsync(CloudjetApplication host, IReadOnlyDictionary<string, string?> settings, Guid id)
    {
        ArgumentNullException.ThrowIfNull(host);
        var (disabled, _, disableError) = await Custodian.KeysAsync(settings, "disable", "--yes", id.ToString());
        Assert.True(disabled == 0, disableError);
        var (scheduled, _, scheduleError) = await Custodian.KeysAsync(settings, "schedule-destroy", "--yes", id.ToString());
        Assert.True(scheduled == 0, scheduleError);
        PassWaitingPeriod(host, id);
    }

    /// <summary>Moves the scheduling eight days and the end of the waiting period one second into the past.</summary>
    public static void PassWaitingPeriod(CloudjetApplication host, Guid id)
    {
        ArgumentNullException.ThrowIfNull(host);
        var now = DateTimeOffset.UtcNow;
        host.WithDb(db => db.DataKeys.Where(k => k.Id == id).ExecuteUpdate(s => s
            .SetProperty(k => k.DisabledAt, now.AddDays(-8))
            .SetProperty(k => k.DestroyScheduledAt, now.AddDays(-8))
            .SetProperty(k => k.DestroyAfter, now.AddSeconds(-1))));
    }
}
