using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Protection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>
/// Stand-in for <c>keys rotate-data --purpose person-keys</c> (issue 6, built apart): a new active
/// person-key data key through <see cref="DataKeyWrapper"/>, the old one decrypt-only. Replace its
/// callers with the real verb once merged.
/// </summary>
public static class PersonKeyRotationStandIn
{
    /// <summary>Rotates and returns (old key id, new key id).</summary>
    public static async Task<(Guid Old, Guid New)> RotateAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<CloudjetDbContext>();
        var old = await db.DataKeys.SingleAsync(k => k.Purpose == DataKeyPurpose.PersonKeyWrapping && k.IsActive);
        old.IsActive = false;
        var id = Guid.CreateVersion7();
        db.DataKeys.Add(new DataKey
        {
            Id = id,
            Purpose = DataKeyPurpose.PersonKeyWrapping,
            WrappedKey = scope.ServiceProvider.GetRequiredService<DataKeyWrapper>().CreateWrappedKey(id, DataKeyPurpose.PersonKeyWrapping),
            IsActive = true,
            DevelopmentOnly = old.DevelopmentOnly,
            CreatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
        return (old.Id, id);
    }
}
