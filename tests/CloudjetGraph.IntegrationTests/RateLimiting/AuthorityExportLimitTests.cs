using System.Diagnostics.Metrics;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Protection;
using CloudjetGraph.IntegrationTests.Infrastructure;
using CloudjetGraph.IntegrationTests.Privacy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Microsoft.Extensions.Time.Testing;

namespace CloudjetGraph.IntegrationTests.RateLimiting;

/// <summary>
/// A disclosure to an authority releases a whole profile, so it counts toward the anti-scraping cap
/// like a page does, and toward a daily limit of its own; past either, nothing is opened.
/// </summary>
public sealed class AuthorityExportLimitTests
{
    private const string ExportMutation = "mutation($id: ID!, $basis: LegalBasisInput) { exportProfileForAuthority(id: $id, basis: $basis) }";
    private static readonly object LegalBasis = new { law = "91/2025/QH15", article = "Article 17(2)(b)", requestReference = "CV-123/CSDT" };

    [Fact]
    public async Task Management_PastThePersonalRecordCap_ExportGetsRateLimitedOpensNothingAndIsRecorded()
    {
        await using var app = new CloudjetApplication().With("RateLimits:PersonalRecordsPerMinute", "3");
        await app.InitializeAsync();
        var management = app.Client(app.StaffToken(DefaultRole.Management, "management-past-cap"));
        var ids = await IdsAsync(management, 4);
        (await management.PostAsync("{ profiles(first: 3) { nodes { fullName } } }")).Ok();
        using var opened = Opened(app);

        var response = await management.PostAsync(ExportMutation, new { id = ids[3], basis = LegalBasis });

        Assert.Equal(["RATE_LIMITED"], response.Codes);
        Assert.Null(response.Data!["exportProfileForAuthority"]);
        Assert.NotNull(response.RetryAfter);
        Assert.Empty(opened.GetMeasurementSnapshot());
        var record = await PrivacyRecords.LastAsync(app, PrivacyOperationNames.ExportForAuthority);
        Assert.Equal((ids[3], OperationOutcomes.Refused), (record.Target, record.Outcome));
    }

    [Fact]
    public async Task Management_ExportsUpToTheCap_ThenAPageReadIsRateLimited()
    {
        await using var app = new CloudjetApplication().With("RateLimits:PersonalRecordsPerMinute", "2");
        await app.InitializeAsync();
        var management = app.Client(app.StaffToken(DefaultRole.Management, "management-exporter"));
        var ids = await IdsAsync(management, 2);

        foreach (var id in ids)
        {
            (await management.PostAsync(ExportMutation, new { id, basis = LegalBasis })).Ok();
        }

        var page = await management.PostAsync("{ profiles(first: 1) { nodes { fullName } } }");
        Assert.Equal(["RATE_LIMITED"], page.Codes);
    }

    [Fact]
    public async Task Management_ExportsPastTheDailyLimit_GetsRateLimitedAndOpensNothingUntilTheNextDay()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = new CloudjetApplication { Clock = clock }.With("RateLimits:AuthorityExportsPerDay", "2");
        await app.InitializeAsync();
        // Both tokens minted before the clock moves: the gateway checks their times on the real clock.
        var management = app.Client(app.StaffToken(DefaultRole.Management, "management-daily"));
        var other = app.Client(app.StaffToken(DefaultRole.Management, "management-other"));
        var ids = await IdsAsync(management, 3);
        (await management.PostAsync(ExportMutation, new { id = ids[0], basis = LegalBasis })).Ok();
        clock.Advance(TimeSpan.FromHours(23));
        (await management.PostAsync(ExportMutation, new { id = ids[1], basis = LegalBasis })).Ok();

        GraphQLResponse refused;
        using (var opened = Opened(app))
        {
            refused = await management.PostAsync(ExportMutation, new { id = ids[2], basis = LegalBasis });
            Assert.Empty(opened.GetMeasurementSnapshot());
        }

        Assert.Equal(["RATE_LIMITED"], refused.Codes);
        Assert.Null(refused.Data!["exportProfileForAuthority"]);
        var otherCaller = await other.PostAsync(ExportMutation, new { id = ids[2], basis = LegalBasis });
        Assert.NotNull(otherCaller.Ok()["exportProfileForAuthority"]);
        clock.Advance(TimeSpan.FromHours(1));
        var nextDay = await management.PostAsync(ExportMutation, new { id = ids[2], basis = LegalBasis });
        Assert.NotNull(nextDay.Ok()["exportProfileForAuthority"]);
    }

    private static async Task<List<string>> IdsAsync(GraphQLClient management, int count) =>
        [.. (await management.PostAsync($"{{ profiles(first: {count}) {{ nodes {{ id }} }} }}")).Ok()["profiles"]!["nodes"]!.AsArray().Select(node => node!["id"]!.GetValue<string>())];

    private static MetricCollector<long> Opened(CloudjetApplication app) =>
        new(app.Services.GetRequiredService<IMeterFactory>(), ProtectionMetrics.MeterName, ProtectionMetrics.FieldsOpenedInstrument);
}
