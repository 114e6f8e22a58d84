using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.Core.Profiles;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace CloudjetGraph.IntegrationTests.Profiles;

/// <summary>
/// A page reads through an index that matches its filter and its order, never a scan of the
/// caller's profiles and a sort: asked of the database's own planner for the queries the directory
/// sends, first and deep pages, scoped and unscoped, and the total comes from the kept counts.
/// </summary>
[ProviderSensitive("query plans are the provider's planner")]
public sealed class ScopedPagePlanTests(ScopedPagePlanTests.ManyProfiles app, ITestOutputHelper output) : IClassFixture<ScopedPagePlanTests.ManyProfiles>
{
    private static readonly Guid[] SalesOrganizations = [Owners.OrganizationId(0), Owners.OrganizationId(1)];

    // How many organisations' slices the directory reads in one statement (OrganizationSlices).
    private const int SlicesOfOneStatement = 50;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Sales_PagesAssignedOrganizations_SeeksEachOrganizationInIdOrder(bool deep)
    {
        var plans = await PlansOfPageAsync(new Caller(DefaultRole.Sales.AsRole(), "sales-demo", SalesOrganizations.ToHashSet()), new ProfileFilter(null, null), deep);

        var plan = Assert.Single(plans);
        AssertSeeksOnly(plan, SalesOrganizations.Length);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Management_PagesOneOrganization_SeeksItInIdOrder(bool deep)
    {
        var plans = await PlansOfPageAsync(new Caller(DefaultRole.Management.AsRole(), "management-demo", new HashSet<Guid>()), new ProfileFilter(Owners.OrganizationId(2), null), deep);

        AssertSeeksOnly(Assert.Single(plans), organizations: 1);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Management_PagesEverything_SeeksThePrimaryKey(bool deep)
    {
        var plans = await PlansOfPageAsync(new Caller(DefaultRole.Management.AsRole(), "management-demo", new HashSet<Guid>()), new ProfileFilter(null, null), deep);

        var plan = Assert.Single(plans);
        AssertNoTableScan(plan);
        Assert.DoesNotContain(plan, IsSort);
        Assert.Contains(plan, line => line.Contains(app.Provider == DatabaseProvider.Postgres ? "Index Scan using \"PK_Profiles\"" : "USING INDEX sqlite_autoindex_Profiles_1", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Sales_PagesAssignedOrganizationsBackward_SeeksEachOrganizationInIdOrder(bool deep)
    {
        var plans = await PlansOfPageAsync(new Caller(DefaultRole.Sales.AsRole(), "sales-demo", SalesOrganizations.ToHashSet()), new ProfileFilter(null, null), deep, backward: true);

        // Near the start only a few rows of each organisation precede the cursor: PostgreSQL may
        // fetch just those through the index and sort them, which is as cheap as a backward seek.
        if (deep && app.Provider == DatabaseProvider.Postgres)
        {
            var plan = Assert.Single(plans);
            Assert.Equal(SalesOrganizations.Length, plan.Count(line => line.Contains("Index Scan", StringComparison.Ordinal) && line.Contains("\"IX_Profiles_OrganizationId_Id\"", StringComparison.Ordinal)));
            Assert.DoesNotContain(plan, line => line.Contains("Seq Scan", StringComparison.Ordinal));
            return;
        }

        AssertSeeksOnly(Assert.Single(plans), SalesOrganizations.Length);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Management_PagesEverythingBackward_SeeksThePrimaryKey(bool deep)
    {
        var plans = await PlansOfPageAsync(new Caller(DefaultRole.Management.AsRole(), "management-demo", new HashSet<Guid>()), new ProfileFilter(null, null), deep, backward: true);

        var plan = Assert.Single(plans);
        AssertNoTableScan(plan);
        Assert.DoesNotContain(plan, IsSort);
        Assert.Contains(plan, line => line.Contains(app.Provider == DatabaseProvider.Postgres ? "Index Scan Backward using \"PK_Profiles\"" : "USING INDEX sqlite_autoindex_Profiles_1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Management_FindsByEmail_SeeksTheBlindIndex()
    {
        var plans = await PlansOfPageAsync(new Caller(DefaultRole.Management.AsRole(), "management-demo", new HashSet<Guid>()), new ProfileFilter(null, "an.nguyen@saomaiviet.vn"), deep: false, expected: 1);

        var plan = Assert.Single(plans);

        // Each key gives two candidates (entry formats 2 and 1), which PostgreSQL may seek as a
        // bitmap of the index: still never a scan of the table.
        if (app.Provider == DatabaseProvider.Postgres)
        {
            Assert.DoesNotContain(plan, line => line.Contains("Seq Scan", StringComparison.Ordinal));
        }
        else
        {
            AssertNoTableScan(plan);
        }

        Assert.Contains(plan, line => line.Contains(app.Provider == DatabaseProvider.Postgres ? "\"IX_Profiles_EmailIndex\"" : "USING INDEX IX_Profiles_EmailIndex (EmailIndex=?)", StringComparison.Ordinal));
    }

    // More assigned organisations than one statement reads (some no longer exist, as after an
    // organisation's erasure): the slices of several statements merge into one id order, each
    // profile once, and the total still counts only what exists.
    [Fact]
    public async Task Sales_AssignedMoreOrganizationsThanOneStatementReads_PagesEveryProfileOnceInIdOrder()
    {
        var existing = await app.WithDbAsync(db => db.Organizations.Select(o => o.Id).ToListAsync());
        var assigned = existing.Concat(Enumerable.Range(0, SlicesOfOneStatement).Select(_ => Guid.CreateVersion7())).ToHashSet();
        var expected = await app.WithDbAsync(db => db.Profiles.OrderBy(p => p.Id).Select(p => p.Id).ToListAsync());
        var caller = new Caller(DefaultRole.Sales.AsRole(), "sales-demo", assigned);

        var paged = new List<Guid>();
        int? totalCount = null;
        await using var scope = app.Services.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<ProfileDirectory>();
        for (Guid? after = null; ;)
        {
            var page = await directory.PageAsync(caller, new ProfileFilter(null, null), 1000, after, CancellationToken.None, ProfilePageParts.All);
            totalCount ??= page.TotalCount;
            paged.AddRange(page.Nodes.Select(p => p.Id));
            if (!page.HasNextPage)
            {
                break;
            }

            after = page.Nodes[^1].Id;
        }

        Assert.True(assigned.Count > SlicesOfOneStatement);
        Assert.Equal(expected, paged);
        Assert.Equal(expected.Count, totalCount);
    }

    [Theory]
    [InlineData(DefaultRole.Sales, "sales-demo")]
    [InlineData(DefaultRole.Management, "management-demo")]
    public async Task Staff_AsksTotalCount_CountsNoProfileRow(DefaultRole role, string subject)
    {
        var plans = new QueryPlans(app);
        await using (var db = plans.NewContext())
        {
            await using var scope = app.Services.CreateAsyncScope();
            var directory = ActivatorUtilities.CreateInstance<ProfileDirectory>(scope.ServiceProvider, db);
            var page = await directory.PageAsync(new Caller(role.AsRole(), subject, SalesOrganizations.ToHashSet()), new ProfileFilter(null, null), 50, null, CancellationToken.None);
            Assert.NotNull(page.TotalCount);
        }

        Assert.Contains(plans.Queries, sql => sql.Contains("\"OrganizationProfileCounts\"", StringComparison.Ordinal));
        Assert.DoesNotContain(plans.Queries, sql => sql.Contains("COUNT(", StringComparison.OrdinalIgnoreCase));
    }

    private async Task<List<List<string>>> PlansOfPageAsync(Caller caller, ProfileFilter filter, bool deep, int? expected = null, bool backward = false)
    {
        var plans = new QueryPlans(app);
        await using var db = plans.NewContext();
        await using var scope = app.Services.CreateAsyncScope();
        var directory = ActivatorUtilities.CreateInstance<ProfileDirectory>(scope.ServiceProvider, db);
        Guid? cursor = null;
        if (deep)
        {
            // A cursor past 90% of what the caller reaches, from the end the page is read from.
            var reachable = (await directory.PageAsync(caller, filter, 100_000, null, CancellationToken.None, ProfilePageParts.None)).Nodes;
            cursor = reachable[backward ? reachable.Count / 10 : reachable.Count * 9 / 10].Id;
            plans.Clear();
        }

        var page = backward
            ? await directory.PageBackwardAsync(caller, filter, 50, cursor, CancellationToken.None, ProfilePageParts.None)
            : await directory.PageAsync(caller, filter, 50, cursor, CancellationToken.None, ProfilePageParts.None);
        Assert.Equal(expected ?? page.Nodes.Count, page.Nodes.Count);
        Assert.NotEmpty(page.Nodes);
        var explained = await plans.ExplainAsync("\"Profiles\"");
        foreach (var line in explained.SelectMany(plan => plan))
        {
            output.WriteLine(line);
        }

        return explained;
    }

    // Each organisation's slice is a seek on (OrganizationId, Id) that needs no sort; a sort is
    // allowed only above the slices, over their union of at most a page each.
    private void AssertSeeksOnly(List<string> plan, int organizations)
    {
        const string Index = "IX_Profiles_OrganizationId_Id";
        // PostgreSQL reads a backward page with the same index, scanned backward.
        Assert.Equal(organizations, plan.Count(line => app.Provider == DatabaseProvider.Postgres
            ? line.Contains($"Index Scan using \"{Index}\"", StringComparison.Ordinal) || line.Contains($"Index Scan Backward using \"{Index}\"", StringComparison.Ordinal)
            : line.Contains($"USING INDEX {Index} (OrganizationId=?", StringComparison.Ordinal)));
        AssertNoTableScan(plan);
        foreach (var seek in plan.Select((line, at) => (line, at)).Where(l => l.line.Contains(Index, StringComparison.Ordinal)))
        {
            Assert.DoesNotContain(SliceAround(plan, seek.at), IsSort);
        }
    }

    // The part of the plan that produces a seek's rows: on SQLite the co-routine holding it, on
    // PostgreSQL the nodes between it and the nearest Append or the top.
    private List<string> SliceAround(List<string> plan, int seek)
    {
        if (app.Provider == DatabaseProvider.Postgres)
        {
            var start = plan.FindLastIndex(seek, line => line.Contains("Append", StringComparison.Ordinal));
            return plan[(start + 1)..(seek + 1)];
        }

        var depth = Depth(plan[seek]);
        var first = plan.FindLastIndex(seek, line => Depth(line) < depth) + 1;
        var last = plan.FindIndex(seek, line => Depth(line) < depth);
        return plan[first..(last < 0 ? plan.Count : last)];
    }

    private static int Depth(string line) => line.Length - line.TrimStart().Length;

    // A full read of Profiles: PostgreSQL's sequential or bitmap scans; on SQLite a SCAN without an
    // index of a name that is not one of the plan's own subqueries (whose rows are already bounded).
    private void AssertNoTableScan(List<string> plan)
    {
        if (app.Provider == DatabaseProvider.Postgres)
        {
            Assert.DoesNotContain(plan, line => line.Contains("Seq Scan", StringComparison.Ordinal) || line.Contains("Bitmap", StringComparison.Ordinal));
            return;
        }

        var steps = plan.Select(line => line.Trim().Split(' ')).ToList();
        var subqueries = steps.Where(step => step[0] is "CO-ROUTINE" or "MATERIALIZE").Select(step => step[1]).ToHashSet();
        Assert.DoesNotContain(steps, step => step is ["SCAN", var name] && !subqueries.Contains(name));
    }

    // A PostgreSQL sort node ("Sort  (cost=…", "Incremental Sort"), not a Merge Append's "Sort Key", which merges inputs already in order.
    private bool IsSort(string line) => app.Provider == DatabaseProvider.Postgres
        ? line.Contains("Sort  (", StringComparison.Ordinal) || line.Contains("Incremental Sort", StringComparison.Ordinal)
        : line.Contains("TEMP B-TREE", StringComparison.Ordinal);

    /// <summary>
    /// Demo data, 250 more profiles in each of three demo organisations and 20 customers of 500
    /// profiles each: every organisation a small share of the table (3% for a demo one), as in
    /// production, which is what PostgreSQL's statistics weigh. When one organisation holds a large
    /// share, walking the primary key and filtering finds a page sooner, and PostgreSQL rightly
    /// chooses that.
    /// </summary>
    public sealed class ManyProfiles : CloudjetApplication
    {
        public override async Task InitializeAsync()
        {
            await base.InitializeAsync();
            foreach (var organization in new[] { 0, 1, 2 })
            {
                await BulkProfiles.AddAsync(Services, Owners.OrganizationId(organization), 250);
            }

            var customers = Enumerable.Range(0, 20).Select(n => new Organization { Id = Guid.CreateVersion7(), Name = $"Plan Customer {n}" }).ToList();
            await WithDbAsync(db =>
            {
                db.Organizations.AddRange(customers);
                return db.SaveChangesAsync();
            });
            foreach (var customer in customers)
            {
                await BulkProfiles.AddAsync(Services, customer.Id, 500);
            }

            // PostgreSQL plans from statistics, which autovacuum gathers on a live server.
            if (Provider == DatabaseProvider.Postgres)
            {
                await ExecuteSqlAsync("ANALYZE");
            }
        }
    }
}
