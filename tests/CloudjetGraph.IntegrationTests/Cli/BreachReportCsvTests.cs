extern alias cli;

using CloudjetGraph.Core.Breaches;
using cli::CloudjetGraph.Cli;

namespace CloudjetGraph.IntegrationTests.Cli;

/// <summary>The CSV breach report is RFC 4180 and never hands a spreadsheet a formula: an address is the person's own text.</summary>
public sealed class BreachReportCsvTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")@a.vn", "\"'=HYPERLINK(\"\"http://x\"\")@a.vn\"")]
    [InlineData("+84@a.vn", "'+84@a.vn")]
    [InlineData("-x@a.vn", "'-x@a.vn")]
    [InlineData("@x.vn", "'@x.vn")]
    [InlineData("a,b@x.vn", "\"a,b@x.vn\"")]
    [InlineData("plain@x.vn", "plain@x.vn")]
    public async Task WriteAsync_HostileEmail_IsQuotedAndDefused(string email, string expectedCell)
    {
        var id = Guid.NewGuid();
        var at = new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);
        var report = new BreachReport(at, at.AddHours(1), null, [new BreachProfile(id, [new BreachReader("sales-demo", "sales", ["email", "phone"], 2, at, at)])], new Dictionary<Guid, string?> { [id] = email });
        using var output = new StringWriter();

        await BreachReportCsv.WriteAsync(output, report);

        var lines = output.ToString().TrimEnd().Split(Environment.NewLine);
        Assert.Equal(BreachReportCsv.Header, lines[0]);
        Assert.Equal($"{id},{expectedCell},sales-demo,sales,email;phone,2,2026-11-25T08:00:00.0000000Z,2026-11-25T08:00:00.0000000Z,", lines[1]);
    }
}
