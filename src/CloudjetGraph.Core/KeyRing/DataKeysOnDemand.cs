using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Protection;

namespace CloudjetGraph.Core.KeyRing;

/// <summary>The data keys loaded the first time a tool needs them (<see cref="KeyRingBootstrapper.LoadExistingAsync"/>), creating nothing.</summary>
internal sealed class DataKeysOnDemand(DataKeyRing ring, KeyRingBootstrapper bootstrapper) : IDataKeyLoader
{
    public async Task EnsureLoadedAsync(CancellationToken cancellationToken)
    {
        if (!ring.IsLoaded)
        {
            await bootstrapper.LoadExistingAsync(cancellationToken);
        }
    }
}
