using System.Text;
using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Fields;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace CloudjetGraph.IntegrationTests.Hosting;

/// <summary>
/// The README prints the field matrix the gateway ships with, rendered from its configuration.
/// After an intended change, regenerate it with <c>UPDATE_DOCS=1 dotnet test --filter ReadmeFieldMatrixTests</c>.
/// </summary>
public sealed class ReadmeFieldMatrixTests
{
    private const string Start = "<!-- field-matrix:start (generated from src/CloudjetGraph.Api/appsettings.json) -->";
    private const string End = "<!-- field-matrix:end -->";
    private static readonly DefaultRole[] Columns = [DefaultRole.Owner, DefaultRole.Management, DefaultRole.Sales, DefaultRole.Support, DefaultRole.KeyCustodian, DefaultRole.Anonymous];

    [Fact]
    public void Readme_FieldMatrixTable_MatchesTheShippedConfiguration()
    {
        var readmePath = Path.Combine(RepositoryRoot.Path, "README.md");
        var readme = File.ReadAllText(readmePath).ReplaceLineEndings("\n");
        var (start, end) = (readme.IndexOf(Start, StringComparison.Ordinal), readme.IndexOf(End, StringComparison.Ordinal));
        Assert.True(start >= 0 && end > start, $"README.md needs the markers {Start} and {End}.");
        var expected = $"{readme[..start]}{Start}\n{Render(ShippedMatrix())}{readme[end..]}";

        if (Environment.GetEnvironmentVariable("UPDATE_DOCS") == "1" && Environment.GetEnvironmentVariable("CI") != "true")
        {
            File.WriteAllText(readmePath, expected);
            readme = expected;
        }

        Assert.True(readme == expected, "The README's field matrix differs from appsettings.json; run with UPDATE_DOCS=1 to update it.");
    }

    private static FieldMatrix ShippedMatrix()
    {
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(RepositoryRoot.Path, "src", "CloudjetGraph.Api", "appsettings.json"), optional: false)
            .Build();
        var options = configuration.GetSection(AuthorizationOptions.SectionName).Get<AuthorizationOptions>()!;
        var matrix = FieldMatrixParser.Parse(options, out var errors);
        Assert.Empty(errors);
        return matrix;
    }

    private static string Render(FieldMatrix matrix)
    {
        var table = new StringBuilder()
            .Append("| Field | ").AppendJoin(" | ", Columns.Select(DefaultRoles.Name)).Append(" |\n")
            .Append("|---|").AppendJoin(string.Empty, Columns.Select(_ => "---|")).Append('\n');
        foreach (var field in Enum.GetValues<ProfileField>())
        {
            table.Append("| `").Append(ProfileFields.NameOf(field)).Append("` | ")
                .AppendJoin(" | ", Columns.Select(role => Cell(matrix, role, field))).Append(" |\n");
        }

        return table.ToString();
    }

    private static string Cell(FieldMatrix matrix, DefaultRole role, ProfileField field)
    {
        var access = matrix.AccessOf(role.AsRole(), field) switch
        {
            FieldAccess.Edit => "read, edit",
            FieldAccess.Read => "read",
            FieldAccess.Masked => "masked",
            _ => "—",
        };
        return access != "—" && matrix.ScopeOf(role.AsRole()) == RowScope.AssignedOrganizations ? access + "*" : access;
    }
}
