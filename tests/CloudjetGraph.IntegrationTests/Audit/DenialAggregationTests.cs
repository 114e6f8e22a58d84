using System.Diagnostics.Metrics;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.Core.Protection;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace CloudjetGraph.IntegrationTests.Audit;

/// <summary>
/// Refusals cost the trail a bounded number of rows per caller, operation and window, however many
/// requests are refused: counted by rows, through HTTP to the real host. Each test starts its own window.
/// </summary>
[ProviderSensitive("denial entries appended at once and at a window's close")]
public sealed class DenialAggregationTests : IAsyncLifetime
{
    private const int Cap = 3;
    private const int MaxKeys = 10;
    private const string AnonymousProfiles = "query Scrape { profiles { totalCount } }";

    private readonly CloudjetApplication _app = new CloudjetApplication()
        .With("RateLimits:PersonalRecordsPerMinute", $"{Cap}")
        .With("Audit:MaxDenialKeys", $"{MaxKeys}");

    public async Task InitializeAsync()
    {
        await _app.InitializeAsync();
        await _app.FlushDenialsAsync();
    }

    public Task DisposeAsync() => _app.DisposeAsync().AsTask();

    [Fact]
    public async Task Sales_PagePastTheCap_AddsOneDenialEntryThenNoneAndOpensNothing()
    {
        var sales = _app.Client(_app.StaffToken(DefaultRole.Sales, "sales-demo"));
        (await sales.PostAsync($"{{ profiles(first: {Cap}) {{ nodes {{ id fullName }} }} }}")).Ok();
        var operation = AuditTrailRows.NewOperation("Scrape");
        var page = $"query {operation} {{ profiles(first: 14) {{ nodes {{ id fullName email phone skype department jobTitle loginEmail }} }} }}";
        using var opened = new MetricCollector<long>(_app.Services.GetRequiredService<IMeterFactory>(), ProtectionMetrics.MeterName, ProtectionMetrics.FieldsOpenedInstrument);
        var before = AuditTrailRows.Count(_app);

        var first = await sales.PostAsync(page);
        var afterFirst = AuditTrailRows.Count(_app);
        var second = await sales.PostAsync(page);

        Assert.Equal(["RATE_LIMITED"], first.Codes);
        Assert.Equal(first.Codes, second.Codes);
        Assert.Empty(opened.GetMeasurementSnapshot());
        Assert.Equal((before.Entries + 1, before.ProfileRows), afterFirst);
        Assert.Equal(afterFirst, AuditTrailRows.Count(_app));
        var denial = Assert.Single(AuditTrailRows.Of(_app, AuditEntryKinds.Denial, operation));
        Assert.Equal(("sales-demo", "sales", "requests=1; Query.profiles RATE_LIMITED=1"), (denial.ActorSubject, denial.ActorRole, denial.Detail));
    }

    [Fact]
    public async Task Sales_PageOfWithheldFields_AddsOneDenialEntryWithABoundedSampleOfProfilesThenNone()
    {
        // sales-demo serves organisations 0 and 1, with more than the sample's profiles between them.
        var sales = _app.Client(_app.StaffToken(DefaultRole.Sales, "sales-demo"));
        var operation = AuditTrailRows.NewOperation("Withheld");
        var page = $"query {operation} {{ profiles(first: 14) {{ nodes {{ id skype loginEmail }} }} }}";
        var before = AuditTrailRows.Count(_app);

        var first = await sales.PostAsync(page);
        var afterFirst = AuditTrailRows.Count(_app);
        var second = await sales.PostAsync(page);

        Assert.Equal(14 * 2, first.Codes.Count(code => code == "AUTH_NOT_AUTHORIZED"));
        Assert.Equal(first.Codes, second.Codes);
        Assert.Equal((before.Entries + 1, before.ProfileRows + DenialTally.MaxProfiles), afterFirst);
        Assert.Equal(afterFirst, AuditTrailRows.Count(_app));
        var denial = Assert.Single(AuditTrailRows.Of(_app, AuditEntryKinds.Denial, operation));
        Assert.Equal("requests=1; Profile.loginEmail AUTH_NOT_AUTHORIZED=1; Profile.skype AUTH_NOT_AUTHORIZED=1", denial.Detail);
        Assert.All(denial.Profiles, row => Assert.Equal("loginEmail,skype", row.Fields));
    }

    [Fact]
    public async Task Anonymous_ThousandRefusedRequestsFromOneAddress_AddTwoRows()
    {
        var anonymous = _app.Client();
        var before = AuditTrailRows.Count(_app);

        var codes = new List<string?>();
        await Parallel.ForEachAsync(Enumerable.Range(0, 1000), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (_, _) =>
        {
            var response = await anonymous.PostFromAsync("203.0.113.7", AnonymousProfiles);
            lock (codes)
            {
                codes.AddRange(response.Codes);
            }
        });
        await _app.FlushDenialsAsync();

        Assert.Equal(Enumerable.Repeat<string?>("AUTH_NOT_AUTHENTICATED", 1000), codes);
        Assert.Equal((before.Entries + 2, before.ProfileRows), AuditTrailRows.Count(_app));
        Assert.Equal(
            [("203.0.113.7", "requests=1; Query.profiles AUTH_NOT_AUTHENTICATED=1"), ("203.0.113.7", "requests=999; Query.profiles AUTH_NOT_AUTHENTICATED=999")],
            AuditTrailRows.Of(_app, AuditEntryKinds.Denial, "Scrape").Select(e => (e.ActorSubject, e.Detail)));
    }

    [Fact]
    public async Task Sales_RefusedTwentyFiveTimes_SummaryAfterTheFlushCountsTheOtherTwentyFour()
    {
        var sales = _app.Client(_app.StaffToken(DefaultRole.Sales, "sales-demo"));
        var id = _app.WithDb(db => db.Profiles.OrderBy(p => p.Id).First(p => p.OrganizationId == Owners.OrganizationId(0)).Id);
        var operation = AuditTrailRows.NewOperation("Skype");

        for (var i = 0; i < 25; i++)
        {
            Assert.Equal(["AUTH_NOT_AUTHORIZED"], (await sales.PostAsync($"query {operation}($id: ID!) {{ profile(id: $id) {{ id skype }} }}", new { id })).Codes);
        }

        Assert.Single(AuditTrailRows.Of(_app, AuditEntryKinds.Denial, operation));
        await _app.FlushDenialsAsync();

        var entries = AuditTrailRows.Of(_app, AuditEntryKinds.Denial, operation);
        Assert.Equal(["requests=1; Profile.skype AUTH_NOT_AUTHORIZED=1", "requests=24; Profile.skype AUTH_NOT_AUTHORIZED=24"], entries.Select(e => e.Detail));
        Assert.All(entries, e => Assert.Equal(("sales-demo", "sales", "Profile.skype"), (e.ActorSubject, e.ActorRole, e.Target)));
        Assert.All(entries, e => Assert.Equal((id, "skype"), (Assert.Single(e.Profiles).ProfileId, Assert.Single(e.Profiles).Fields)));
    }

    [Fact]
    public async Task Anonymous_RefusedUnderTwentyOperationNames_KeepsEightApartAndFoldsTheRest()
    {
        var anonymous = _app.Client();
        var before = AuditTrailRows.Count(_app);

        for (var i = 0; i < 20; i++)
        {
            await anonymous.PostFromAsync("198.51.100.20", $"query Rotate{i} {{ profiles {{ totalCount }} }}");
        }

        await _app.FlushDenialsAsync();

        var entries = _app.WithDb(db => db.AuditEntries.Where(e => e.ActorSubject == "198.51.100.20").OrderBy(e => e.Sequence).ToList());
        // Eight first entries, the folded one's first and its summary: within the bound of 2 × (8 + 1) per caller and window.
        Assert.Equal(DenialWindow.MaxOperationsPerCaller + 2, AuditTrailRows.Count(_app).Entries - before.Entries);
        Assert.Equal(Enumerable.Range(0, DenialWindow.MaxOperationsPerCaller).Select(i => $"Rotate{i}").Append(DenialWindow.FoldedOperation), entries.Take(9).Select(e => e.Operation));
        var folded = entries.Where(e => e.Operation == DenialWindow.FoldedOperation).Select(e => e.Detail);
        Assert.Equal(["requests=1; Query.profiles AUTH_NOT_AUTHENTICATED=1", "requests=11; Query.profiles AUTH_NOT_AUTHENTICATED=11"], folded);
    }

    [Fact]
    public async Task Anonymous_ThirteenAddressesPastTheKeyCap_FoldIntoOneOverflowEntry()
    {
        var anonymous = _app.Client();
        var addresses = Enumerable.Range(1, MaxKeys + 3).Select(i => $"2001:db8:{i:x}::1").ToList();
        var before = AuditTrailRows.Count(_app);

        foreach (var address in addresses)
        {
            for (var i = 0; i < 3; i++)
            {
                await anonymous.PostFromAsync(address, AnonymousProfiles);
            }
        }

        await _app.FlushDenialsAsync();

        Assert.Equal(before.Entries + (2 * MaxKeys) + 1, AuditTrailRows.Count(_app).Entries);
        var overflow = Assert.Single(_app.WithDb(db => db.AuditEntries.Where(e => e.ActorRole == DenialWindow.Overflow.Role).ToList()));
        Assert.Equal(
            (DenialWindow.FoldedOperation, DenialWindow.FoldedOperation, "Query.profiles", "callers=3; requests=9; Query.profiles AUTH_NOT_AUTHENTICATED=9"),
            (overflow.ActorSubject, overflow.Operation, overflow.Target, overflow.Detail));
        var apart = AuditTrailRows.Of(_app, AuditEntryKinds.Denial, "Scrape").Where(e => e.ActorSubject.StartsWith("2001:db8:", StringComparison.Ordinal)).Select(e => e.ActorSubject).Distinct();
        Assert.Equal(addresses.Take(MaxKeys).Select(a => a.Replace("::1", "::/64", StringComparison.Ordinal)), apart);
    }
}
