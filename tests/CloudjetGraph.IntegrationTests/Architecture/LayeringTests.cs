using System.Text.RegularExpressions;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Architecture;

/// <summary>
/// The floors of the code, read from the sources: the hosts (Api, Cli) reach the databases only
/// through Core's services, and Core's namespaces import only their own floor or lower ones, with
/// no import cycle.
/// </summary>
public sealed partial class LayeringTests
{
    // Core's floors, lowest first (docs/architecture.md). A namespace imports only namespaces on its
    // own floor or below, and no two namespaces import each other, on one floor or across floors.
    // A new namespace has to be placed here before the tests pass. Each feature owns its entities and
    // their EF configuration, so an entity sits on the floor of the lowest namespace that reads it.
    private static readonly string[][] Floors =
    [
        ["Errors", "Custodians"],                                                  // names: error codes and exceptions, operation names
        [CryptoNamespace],                                                         // crypto: formats, cipher, bindings, blind index, data key purposes, the ring's files; no EF
        ["Data"],                                                                  // the database context, engines, options, schema checks
        ["ProfileRecords"],                                                        // profiles and organisations as stored, with their access tag: every floor above reads them
        ["Fields"],                                                                // the field catalogue: what each profile field is
        ["Authorization"],                                                         // callers, roles, field matrix, row scopes and the staff assignments they read
        ["Audit"],                                                                 // the trail that every floor above records into, and its entries
        ["KeyRing", "KeyStore", "Authentication"],                                 // keys: data keys and revocations as stored, person keys, tokens
        ["Profiles"],                                                              // directory, release, sealer, editor
        ["Accounts", "Breaches", "Keys", "Onboarding", "Privacy", "RateLimits", "Retention", "Seeding"], // features: what the policy promises
        ["(root)", "Data.Migrations", "KeyStore.Migrations"],                      // registration and start-up; the migrations, which name every feature's entities
    ];

    // The lowest keys: what seals and binds values, usable without a database.
    private const string CryptoNamespace = "Protection";

    private static readonly string[] Hosts = ["CloudjetGraph.Api", "CloudjetGraph.Cli"];

    [Fact]
    public void ApiAndCli_UseNoDatabaseContext()
    {
        var offenders = Hosts
            .SelectMany(project => SourceFiles(project))
            .Where(file => DatabaseContextUse().IsMatch(WithoutComments(File.ReadAllText(file))))
            .Select(file => Path.GetRelativePath(RepositoryRoot.Path, file))
            .ToList();

        Assert.True(offenders.Count == 0, $"These host files use a database context; ask a Core service instead: {string.Join(", ", offenders)}.");
    }

    [Fact]
    public void CoreNamespaces_FormNoImportCycle()
    {
        var cycles = Cycles(CoreImports());

        Assert.True(cycles.Count == 0, $"Core's namespaces import each other in a loop: {string.Join(" | ", cycles.Select(c => string.Join(", ", c)))}.");
    }

    [Fact]
    public void CoreNamespaces_ImportOnlyTheirFloorOrBelow()
    {
        var imports = CoreImports();

        var unplaced = imports.Keys.Where(name => FloorOf(Floors, name) < 0).Order(StringComparer.Ordinal).ToList();
        Assert.True(unplaced.Count == 0, $"These Core namespaces are on no floor; place them in {nameof(LayeringTests)}.{nameof(Floors)} and docs/architecture.md: {string.Join(", ", unplaced)}.");
        var upward = UpwardImports(imports, Floors);
        Assert.True(upward.Count == 0, $"These Core namespaces import a higher floor: {string.Join(", ", upward)}.");
    }

    [Fact]
    public void CryptoNamespace_ImportsNoEntityFrameworkAndNoData()
    {
        var offenders = SourceFiles("CloudjetGraph.Core")
            .Select(file => (File: file, Code: WithoutComments(File.ReadAllText(file))))
            .Where(source => FileNamespace().Match(source.Code) is { Success: true } declared && Unit(declared.Groups[1].Value) == CryptoNamespace)
            .Where(source => DatabaseImport().IsMatch(FileNamespace().Replace(source.Code, string.Empty)))
            .Select(source => Path.GetRelativePath(RepositoryRoot.Path, source.File))
            .Order(StringComparer.Ordinal)
            .ToList();

        Assert.True(offenders.Count == 0, $"These {CryptoNamespace} files use Entity Framework or Data; the crypto floor reads no database, move them to the keys floor: {string.Join(", ", offenders)}.");
    }

    [Fact]
    public void FloorCheck_OnAGraphWithOneUpwardImport_FindsIt()
    {
        // The floor check itself, on a graph whose answer is known.
        string[][] floors = [["low"], ["middle", "beside"], ["high"]];
        var graph = new Dictionary<string, HashSet<string>>
        {
            ["low"] = [], ["middle"] = ["low", "beside"], ["beside"] = ["high"], ["high"] = ["middle", "low"],
        };

        Assert.Equal(["beside -> high"], UpwardImports(graph, floors));
    }

    [Fact]
    public void CycleFinder_OnAGraphWithTwoLoops_FindsBoth()
    {
        // The finder itself, on a graph whose answer is known: a census that finds nothing proves nothing.
        var graph = new Dictionary<string, HashSet<string>>
        {
            ["a"] = ["b"], ["b"] = ["a", "c"], ["c"] = [], ["d"] = ["e"], ["e"] = ["f"], ["f"] = ["d"],
        };

        var cycles = Cycles(graph);

        Assert.Equal(["a,b", "d,e,f"], cycles.Select(c => string.Join(",", c)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void References_OfANamePartlyQualifiedFromCoresRoot_AreImports()
    {
        // Inside any CloudjetGraph.Core namespace, `Audit.AuditChainFormat` needs no using: the reader
        // must see it, and must not take a property such as `Keys.Count` for the Keys namespace.
        const string Code = """
            namespace CloudjetGraph.Core.Data;
            public sealed class Sample
            {
                public int Link => Audit.AuditChainFormat.LinkLength;
                public int Count => Keys.Count;
                public object Job => CloudjetGraph.Core.Privacy.ProfileErasure.Name;
            }
            """;
        var names = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal)
        {
            ["Audit"] = ["AuditChainFormat"], ["Keys"] = ["KeyCensus", "Jobs"], ["Privacy"] = ["ProfileErasure"],
        };

        var references = References(Code, names).Order(StringComparer.Ordinal).Distinct();

        Assert.Equal(["Audit", "Privacy"], references);
    }

    private static int FloorOf(string[][] floors, string name) => Array.FindIndex(floors, floor => floor.Contains(name));

    // Imports of a namespace on a higher floor than the importer's, as "from -> to".
    private static List<string> UpwardImports(Dictionary<string, HashSet<string>> graph, string[][] floors) =>
        [.. graph
            .SelectMany(entry => entry.Value.Where(graph.ContainsKey).Select(to => (From: entry.Key, To: to)))
            .Where(edge => FloorOf(floors, edge.To) > FloorOf(floors, edge.From))
            .Select(edge => $"{edge.From} -> {edge.To}")
            .Order(StringComparer.Ordinal)];

    // Which of Core's top namespaces each one imports, read from every source file (migrations too).
    private static Dictionary<string, HashSet<string>> CoreImports()
    {
        var files = SourceFiles("CloudjetGraph.Core")
            .Select(file => WithoutComments(File.ReadAllText(file)))
            .Select(code => (Code: code, Declared: FileNamespace().Match(code)))
            .Where(file => file.Declared.Success)
            .Select(file => (file.Code, Namespace: file.Declared.Groups[1].Value))
            .ToList();

        // Per top namespace, the names a partly qualified reference may continue with: its types and sub-namespaces.
        var names = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (code, name) in files)
        {
            var known = names.TryGetValue(TopNamespace(name), out var found) ? found : names[TopNamespace(name)] = new(StringComparer.Ordinal);
            known.UnionWith(TypeDeclaration().Matches(code).Select(match => match.Groups[1].Value));
            known.UnionWith(name.Split('.').Skip(3));
        }

        var graph = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (code, name) in files)
        {
            var from = Unit(name);
            var edges = graph.TryGetValue(from, out var known) ? known : graph[from] = new(StringComparer.Ordinal);
            edges.UnionWith(References(code, names).Where(to => to != from));
        }

        Assert.True(graph.Count > 5, $"Only {graph.Count} Core namespaces were read: the sources were not found.");
        return graph;
    }

    // The top namespaces a file's code refers to: `using` lines and full names (CloudjetGraph.Core.Audit…),
    // and names qualified from Core's root (`Audit.AuditChainFormat`), which resolve without a using in
    // any CloudjetGraph.Core namespace. A partial name counts only when it goes on with a type or
    // sub-namespace declared there.
    private static IEnumerable<string> References(string code, Dictionary<string, HashSet<string>> names)
    {
        var body = FileNamespace().Replace(code, string.Empty);
        return CoreReference().Matches(body).Select(match => match.Groups[1].Value)
            .Concat(PartialReference().Matches(body)
                .Where(match => names.TryGetValue(match.Groups[1].Value, out var declared) && declared.Contains(match.Groups[2].Value))
                .Select(match => match.Groups[1].Value));
    }

    // Strongly connected components of more than one namespace (Tarjan).
    private static List<SortedSet<string>> Cycles(Dictionary<string, HashSet<string>> graph)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var low = new Dictionary<string, int>(StringComparer.Ordinal);
        var stack = new Stack<string>();
        var cycles = new List<SortedSet<string>>();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            foreach (var next in graph.GetValueOrDefault(node, []).Where(graph.ContainsKey))
            {
                if (!index.TryGetValue(next, out var visited))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (stack.Contains(next))
                {
                    low[node] = Math.Min(low[node], visited);
                }
            }

            if (low[node] == index[node])
            {
                var component = new SortedSet<string>(StringComparer.Ordinal);
                string member;
                do
                {
                    member = stack.Pop();
                    component.Add(member);
                }
                while (member != node);

                if (component.Count > 1)
                {
                    cycles.Add(component);
                }
            }
        }

        foreach (var node in graph.Keys.Order(StringComparer.Ordinal).Where(node => !index.ContainsKey(node)))
        {
            Visit(node);
        }

        return cycles;
    }

    private static IEnumerable<string> SourceFiles(string project)
    {
        var directory = Path.Combine(RepositoryRoot.Path, "src", project);
        return Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Where(file => Path.GetRelativePath(directory, file).Split(Path.DirectorySeparatorChar)[0] is not ("obj" or "bin"));
    }

    // "CloudjetGraph.Core.Keys.Jobs" → "Keys"; the root namespace → "(root)".
    private static string TopNamespace(string name) =>
        name.Split('.') is [_, _, var top, ..] ? top : "(root)";

    // The namespace a file counts under: its top one, except a context's migrations ("Data.Migrations"),
    // whose model snapshot names the entities of every feature and so sits above them all.
    private static string Unit(string name) =>
        name.Split('.') is [_, _, var top, "Migrations", ..] ? $"{top}.Migrations" : TopNamespace(name);

    private static string WithoutComments(string code) => Comment().Replace(code, string.Empty);

    [GeneratedRegex(@"//[^\n]*|/\*.*?\*/", RegexOptions.Singleline)]
    private static partial Regex Comment();

    [GeneratedRegex(@"\b(?:\w*DbContext\w*|DbSet\s*<)")]
    private static partial Regex DatabaseContextUse();

    // File-scoped, or block-scoped as in the generated migrations.
    [GeneratedRegex(@"^namespace\s+([\w.]+)\s*(?:;|\{|$)", RegexOptions.Multiline)]
    private static partial Regex FileNamespace();

    [GeneratedRegex(@"\bMicrosoft\.EntityFrameworkCore\b|\bCloudjetGraph\.Core\.Data\b|(?<![\w.])Data\.[A-Z]\w*")]
    private static partial Regex DatabaseImport();

    [GeneratedRegex(@"\bCloudjetGraph\.Core\.(\w+)")]
    private static partial Regex CoreReference();

    [GeneratedRegex(@"(?<![\w.])([A-Z]\w*)\.([A-Z]\w*)")]
    private static partial Regex PartialReference();

    [GeneratedRegex(@"\b(?:class|record|struct|interface|enum)\s+([A-Z]\w*)")]
    private static partial Regex TypeDeclaration();
}
