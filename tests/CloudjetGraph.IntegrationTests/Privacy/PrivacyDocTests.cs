using System.Reflection;
using System.Text.RegularExpressions;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Privacy;

/// <summary>docs/privacy.md names the tests that prove each promise: every name must be a test of this suite.</summary>
public sealed partial class PrivacyDocTests
{
    [Fact]
    public void PrivacyDoc_NamedTests_EachExists()
    {
        var text = File.ReadAllText(System.IO.Path.Combine(RepositoryRoot.Path, "docs", "privacy.md"));
        var tests = typeof(PrivacyDocTests).Assembly.GetTypes()
            .SelectMany(type => type.GetMethods().Where(m => m.GetCustomAttributes<FactAttribute>(inherit: true).Any()).Select(m => (Class: type.Name, Method: m.Name)))
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

    // `Class.Method_State_Result` or `Method_State_Result` in backticks; error codes (`NOT_FOUND`) and bare class names are not test names.
    [GeneratedRegex(@"`(?<name>(?:[A-Z]\w+\.)?[A-Z][a-z]\w*_\w+_\w+)`")]
    private static partial Regex TestName();
}
