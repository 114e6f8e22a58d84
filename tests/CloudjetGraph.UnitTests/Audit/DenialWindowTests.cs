using CloudjetGraph.Core.Audit;

namespace CloudjetGraph.UnitTests.Audit;

/// <summary>The denial window's bounds, with literal callers and refusals: no host, no trail.</summary>
public sealed class DenialWindowTests
{
    private static readonly OperationActor Sales = new("sales-demo", "sales");
    private static readonly Guid Profile = Guid.Parse("0193a000-0000-7000-8000-000000000001");

    private static RefusedRequest Skype() => new(
        new HashSet<(string, string)> { ("Profile.skype", "AUTH_NOT_AUTHORIZED") },
        new Dictionary<Guid, IReadOnlySet<string>> { [Profile] = new HashSet<string> { "skype" } });

    [Fact]
    public void Add_SecondRequestOfAPair_IsOnlyCountedAndClosesAsOneSummary()
    {
        var window = new DenialWindow(maxKeys: 10);

        var first = window.Add(Sales, "Read", Skype());
        var second = window.Add(Sales, "Read", Skype());
        window.Add(Sales, "Read", Skype());

        Assert.Equal(("Profile.skype", "requests=1; Profile.skype AUTH_NOT_AUTHORIZED=1"), (first!.Target, first.Detail));
        Assert.Null(second);
        var summary = Assert.Single(window.Close());
        Assert.Equal((Sales, "Read", "requests=2; Profile.skype AUTH_NOT_AUTHORIZED=2"), (summary.Actor, summary.Operation, summary.Detail));
        Assert.Equal("skype", Assert.Single(summary.Profiles).Value);
    }

    [Fact]
    public void Close_RequestsSeenOnceEach_AddsNoSummary()
    {
        var window = new DenialWindow(maxKeys: 10);

        window.Add(Sales, "Read", Skype());
        window.Add(Sales, "Other", Skype());

        Assert.Empty(window.Close());
    }

    [Fact]
    public void Add_PastTheKeyCap_FoldsIntoOverflowCountingCallersAsALowerBound()
    {
        var window = new DenialWindow(maxKeys: 2);

        var kept = Enumerable.Range(0, 5).Select(i => window.Add(new($"198.51.100.{i}", "anonymous"), "Scrape", Skype())).ToList();

        Assert.Equal(2, kept.Count(entry => entry is not null));
        var overflow = Assert.Single(window.Close());
        Assert.Equal((DenialWindow.Overflow, "callers=2+; requests=3; Profile.skype AUTH_NOT_AUTHORIZED=3"), (overflow.Actor, overflow.Detail));
    }

    [Fact]
    public void Add_ManyProfiles_EntryCarriesAtMostTheSample()
    {
        var window = new DenialWindow(maxKeys: 10);
        var profiles = Enumerable.Range(0, 50).ToDictionary(_ => Guid.NewGuid(), _ => (IReadOnlySet<string>)new HashSet<string> { "skype" });

        var entry = window.Add(Sales, "Page", new RefusedRequest(new HashSet<(string, string)> { ("Profile.skype", "AUTH_NOT_AUTHORIZED") }, profiles));

        Assert.Equal(DenialTally.MaxProfiles, entry!.Profiles.Count);
    }
}
