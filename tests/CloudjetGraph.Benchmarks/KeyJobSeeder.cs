using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.Core;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.KeyStore;
using CloudjetGraph.Core.Profiles;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Benchmarks;

/// <summary>
/// Seeds a benchmark folder: the gateway's own Development startup (migrations, ring, data keys,
/// the 200 demo profiles), then <c>count</c> more profiles made as sign-up makes them (a person key
/// from <see cref="PersonKeyWrapper"/>, every field sealed by <see cref="ProfileSealer"/> with its
/// blind index, the password hash sealed, the access tag stamped) and bulk-inserted, key store first
/// so no profile exists without its key.
/// </summary>
public static class KeyJobSeeder
{
    // Rows per transaction and per parallel sealing pass.
    private const int ChunkSize = 20_000;

    public static async Task SeedAsync(KeyJobBenchFolder folder, int count)
    {
        using var host = folder.BuildHost();
        await host.Services.InitializeCloudjetAsync();
        await using var scope = host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var wrapper = services.GetRequiredService<PersonKeyWrapper>();
        var sealer = services.GetRequiredService<ProfileSealer>();
        var accessTag = services.GetRequiredService<ProfileAccessTag>();
        var db = services.GetRequiredService<CloudjetDbContext>();
        await using var keyStore = await services.GetRequiredService<IDbContextFactory<KeyStoreDbContext>>().CreateDbContextAsync();
        var passwordHash = services.GetRequiredService<IPasswordHasher<Profile>>().HashPassword(null!, KeyJobBenchProfiles.Password);
        var policyVersion = services.GetRequiredService<IOptions<PolicyOptions>>().Value.CurrentVersion;

        var createdAt = DateTimeOffset.UtcNow.AddYears(-1);
        for (var start = 0; start < count; start += ChunkSize)
        {
            var rows = new (Profile Profile, WrappedPersonKey Key)[Math.Min(ChunkSize, count - start)];
            Parallel.For(0, rows.Length, i =>
            {
                var index = start + i;
                var at = createdAt.AddMilliseconds(index);
                var profile = new Profile
                {
                    // One millisecond apart: the id order is the index order.
                    Id = Guid.CreateVersion7(at),
                    OrganizationId = KeyJobBenchProfiles.OrganizationOf(index),
                    ConsentAcceptedAt = at,
                    ConsentPolicyVersion = policyVersion,
                    CreatedAt = at,
                    UpdatedAt = at,
                };
                var (row, key) = wrapper.Create(profile.Id);
                foreach (var (field, value) in KeyJobBenchProfiles.ValuesOf(index))
                {
                    sealer.Seal(profile, key, field, value);
                }

                sealer.SealPasswordHash(profile, key, passwordHash);
                accessTag.Stamp(profile);
                rows[i] = (profile, row);
            });

            await InsertAsync(keyStore, [.. rows.Select(r => r.Key)]);
            await InsertAsync(db, [.. rows.Select(r => r.Profile)]);
            Console.Error.Write($"\rseeded {start + rows.Length:N0} of {count:N0}");
        }

        Console.Error.WriteLine();
    }

    // The gateway's own multi-row inserts, one transaction per chunk: EF's tracked inserts are far
    // too slow for a million rows.
    private static async Task InsertAsync<TEntity>(DbContext context, IReadOnlyList<TEntity> entities)
        where TEntity : class
    {
        await using var transaction = await context.Database.BeginTransactionAsync();
        await RowInserts.InsertAsync(context, entities, CancellationToken.None);
        await transaction.CommitAsync();
    }
}
