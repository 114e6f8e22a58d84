using Microsoft.Extensions.Internal;

namespace CloudjetGraph.Core.KeyStore;

/// <summary>Lets <see cref="Microsoft.Extensions.Caching.Memory.MemoryCache"/> expire entries on the host's <see cref="TimeProvider"/> (a fake one in tests).</summary>
internal sealed class TimeProviderClock(TimeProvider time) : ISystemClock
{
    public DateTimeOffset UtcNow => time.GetUtcNow();
}
