using CloudjetGraph.Core;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.ProfileRecords;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.Benchmarks;

/// <summary>
/// Appends N chained release entries to a gateway's audit trail, each naming one demo profile and
/// two fields, as a support read of <c>profile(id)</c> records it. Links are computed as the trail
/// writer computes them, so <c>audit verify</c> walks a valid chain; rows go in with the gateway's
/// own multi-row inserts, 20,000 entries per transaction.
/// </summary>
public static class AuditTrailSeeder
{
    private const int ChunkSize = 20_000;

    public static async Task SeedAsync(KeyJobBenchFolder folder, int entries)
    {
        using var host = folder.BuildHost();
        await host.Services.InitializeCloudjetAsync();
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CloudjetDbContext>();
        var profiles = await db.Profiles.AsNoTracking().OrderBy(p => p.Id).Select(p => p.Id).ToListAsync();
        var head = await db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Sequence).Select(e => new { e.Sequence, e.Link }).FirstOrDefaultAsync();
        var sequence = head?.Sequence ?? 0;
        var link = head?.Link ?? AuditChainFormat.Genesis.ToArray();
        var at = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.AddYears(-1).ToUnixTimeMilliseconds());
        for (var written = 0; written < entries; written += ChunkSize)
        {
            var chunk = new List<AuditEntry>(Math.Min(ChunkSize, entries - written));
            for (var i = 0; i < chunk.Capacity; i++)
            {
                sequence++;
                var entry = new AuditEntry
                {
                    Sequence = sequence,
                    At = at.AddMilliseconds(sequence),
                    Kind = AuditEntryKinds.Release,
                    ActorSubject = "support-demo",
                    ActorRole = "support",
                    Operation = "Profile",
                    Target = "1 profiles",
                    Outcome = OperationOutcomes.Succeeded,
                    Detail = string.Empty,
                    Profiles = [new AuditEntryProfile { EntrySequence = sequence, ProfileId = profiles[(int)(sequence % profiles.Count)], Fields = "fullName,phone" }],
                };
                entry.Link = link = AuditChainFormat.Link(link, entry);
                chunk.Add(entry);
            }

            await using var transaction = await db.Database.BeginTransactionAsync();
            await RowInserts.InsertAsync(db, chunk, CancellationToken.None);
            await RowInserts.InsertAsync(db, [.. chunk.SelectMany(entry => entry.Profiles)], CancellationToken.None);
            await transaction.CommitAsync();
            Console.Error.Write($"\rseeded {written + chunk.Count:N0} of {entries:N0} audit entries");
        }

        Console.Error.WriteLine();
    }
}
