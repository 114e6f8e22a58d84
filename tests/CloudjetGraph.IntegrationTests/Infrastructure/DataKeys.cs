using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Custodians;
using CloudjetGraph.Core.Keys;
using CloudjetGraph.Core.Protection;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>Data key rotation inside a test host, through the same Core service as <c>keys rotate-data</c>.</summary>
public static class DataKeys
{
    /// <summary>Rotates <paramref name="purpose"/> in the host (which reloads its keys at once) and returns (old key id, new key id).</summary>
    public static async Task<(Guid Old, Guid New)> RotateAsync(IServiceProvider services, DataKeyPurpose purpose)
    {
        await using var scope = services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<DataKeyRotation>().RotateAsync(OperationActor.Cli(), purpose, CancellationToken.None);
        return (result.PreviousKeyId, result.NewKeyId);
    }
}
