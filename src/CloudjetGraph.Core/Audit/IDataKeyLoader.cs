namespace CloudjetGraph.Core.Audit;

/// <summary>
/// Unwraps the data keys in this process when it has not yet (the Cli; the gateway does at startup),
/// for the checkpoint seal. The key ring sits above the trail, so the trail names only this.
/// </summary>
public interface IDataKeyLoader
{
    /// <summary>Loads the data keys unless they are loaded.</summary>
    /// <exception cref="Errors.KeyRingUnavailableException">No data keys, or the ring cannot unwrap them.</exception>
    Task EnsureLoadedAsync(CancellationToken cancellationToken);
}
