using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.IntegrationTests.Profiles;

/// <summary>
/// <c>profile(id)</c>'s compiled lookups find exactly what the row scope's query finds, for every
/// scope, every profile and an unknown id: a compiled shape that drifted from the scope would
/// show a profile out of reach, or hide one in reach.
/// </summary>
[ProviderSensitive("compiled queries are translated by the provider")]
public sealed class ProfileLookupScopeTests(CloudjetApplication app) : IClassFixture<CloudjetApplication>
{
    public static TheoryData<string> Callers => ["management", "sales", "sales-unassigned", "owner"];

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task FindAsync_EveryProfileAndAnUnknownId_MatchesTheScopedQuery(string who)
    {
        var ids = await app.WithDbAsync(db => db.Profiles.Select(p => p.Id).ToListAsync());
        var caller = CallerOf(who, ids[^1]);
        await using var scope = app.Services.CreateAsyncScope();
        var visibility = scope.ServiceProvider.GetRequiredService<ProfileVisibility>();

        var reached = new List<Guid>();
        foreach (var id in ids.Append(Guid.CreateVersion7()))
        {
            var expected = await app.WithDbAsync(db => visibility.Profiles(db.Profiles, caller).Where(p => p.Id == id).Select(p => (Guid?)p.Id).SingleOrDefaultAsync());
            foreach (var withOrganization in new[] { true, false })
            {
                var found = await app.WithDbAsync(db => visibility.FindAsync(db, caller, id, withOrganization, CancellationToken.None));
                Assert.Equal(expected, found?.Id);
                Assert.Equal(withOrganization && found is not null, found?.Organization is not null);
            }

            reached.AddRange(expected is { } seen ? [seen] : []);
        }

        // The scopes' answers differ, so both answers of each lookup are exercised.
        switch (who)
        {
            case "management":
                Assert.Equal(ids, reached);
                break;
            case "sales":
                Assert.InRange(reached.Count, 1, ids.Count - 1);
                break;
            case "sales-unassigned":
                Assert.Empty(reached);
                break;
            default:
                Assert.Equal([ids[^1]], reached);
                break;
        }
    }

    private static Caller CallerOf(string who, Guid ownerId) => who switch
    {
        "management" => new Caller(DefaultRole.Management.AsRole(), "management-demo", new HashSet<Guid>()),
        "sales" => new Caller(DefaultRole.Sales.AsRole(), "sales-demo", new HashSet<Guid> { Owners.OrganizationId(0), Owners.OrganizationId(1) }),
        "sales-unassigned" => new Caller(DefaultRole.Sales.AsRole(), "sales-demo", new HashSet<Guid>()),
        _ => new Caller(Role.Owner, ownerId.ToString(), new HashSet<Guid>()),
    };
}
