using System.Reflection;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Hosting;

/// <summary>Clients code against <c>extensions.code</c>: every code the gateway can send has a row in the README's error table.</summary>
public sealed class ReadmeErrorCodesTests
{
    [Fact]
    public void Readme_ErrorTable_HasARowForEveryErrorCode()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        var section = readme[readme.IndexOf("## Errors", StringComparison.Ordinal)..];
        var rows = section[..section.IndexOf("\n## ", StringComparison.Ordinal)].Split('\n').Where(line => line.StartsWith("| `", StringComparison.Ordinal)).ToList();

        var codes = typeof(ErrorCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!).ToList();

        Assert.Contains("KEY_IN_USE", codes);
        Assert.All(codes, code => Assert.Contains(rows, row => row.Split('|')[1].Contains($"`{code}`", StringComparison.Ordinal)));
    }
}
