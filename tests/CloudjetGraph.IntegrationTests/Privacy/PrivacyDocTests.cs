using System.Reflection;
using System.Text.RegularExpressions;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Privacy;

/// <summary>docs/privacy.md names the tests that prove each promise: every name must be a test of this suite or of the unit tests.</summary>
public sealed partial class PrivacyDocTests
{
    [Fact]
    public void PrivacyDoc_NamedTests_EachExists()
    {
        var text = File.ReadAllText(System.IO.Path.Combine(RepositoryRoot.Path, "docs", "privacy.md"));
        var tests = typeof(PrivacyDocTests).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods().Where(m => m.GetCustomAttributes<FactAttribute>(inherit: true).Any()).Select(m => (Class: type.Name, Method: m.Name)))
            .Concat(UnitTests())
            .ToList();

        var named = TestName().Matches(text).Select(match => match.Groups["name"].Value).ToList();

        Assert.True(named.Count >= 10, $"Only {named.Count} test names found; the pattern no longer matches the document.");
        Assert.All(named, name =>
        {
            var parts = name.Split('.');
            Assert.True(
                parts.Length == 1 ? tests.Any(t => t.Method == parts[0]) : tests.Any(t => t.Class == parts[0] && t.Method == parts[1]),
                $"docs/privacy.md names {name}, which is no test.");
        });
    }

    [Theory]
    [InlineData("§1 ")]
    [InlineData("§2 ")]
    [InlineData("§3 ")]
    [InlineData("§4 ")]
    [InlineData("§5 ")]
    [InlineData("§6 ")]
    [InlineData("§7 ")]
    [InlineData("§8–10 ")]
    public void PrivacyDoc_EachSectionOfThePolicy_HasASectionNamingATest(string section)
    {
        var text = File.ReadAllText(System.IO.Path.Combine(RepositoryRoot.Path, "docs", "privacy.md"));
        var start = text.IndexOf("\n## " + section, StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/privacy.md has no section for policy {section.Trim()}.");
        var end = text.IndexOf("\n## ", start + 1, StringComparison.Ordinal);
        var body = end < 0 ? text[start..] : text[start..end];

        Assert.True(TestName().IsMatch(body), $"docs/privacy.md names no test for policy {section.Trim()}.");
    }

    // The unit tests are another assembly, which this one does not reference: read their sources.
    private static IEnumerable<(string Class, string Method)> UnitTests() =>
        Directory.EnumerateFiles(System.IO.Path.Combine(RepositoryRoot.Path, "tests", "CloudjetGraph.UnitTests"), "*Tests.cs", SearchOption.AllDirectories)
            .Select(File.ReadAllText)
            .SelectMany(source => TestMethod().Matches(source).Select(match => (Class: TestClass().Match(source).Groups["name"].Value, Method: match.Groups["name"].Value)));

    [GeneratedRegex(@"\bclass (?<name>\w+Tests)\b")]
    private static partial Regex TestClass();

    [GeneratedRegex(@"\[(?:Fact|Theory)[^\]]*\]\s*(?:\[[^\]]*\]\s*)*public (?:async Task|void) (?<name>\w+)\(")]
    private static partial Regex TestMethod();

    // `Class.Method_State_Result` or `Method_State_Result` in backticks; error codes (`NOT_FOUND`) and bare class names are not test names.
    [GeneratedRegex(@"`(?<name>(?:[A-Z]\w+\.)?[A-Z][a-z]\w*_\w+_\w+)`")]
    private static partial Regex TestName();
}
