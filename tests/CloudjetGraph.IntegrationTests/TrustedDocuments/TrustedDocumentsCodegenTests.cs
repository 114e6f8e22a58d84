using System.Text.Json;
using CloudjetGraph.Api.GraphQL.TrustedDocuments;
using CloudjetGraph.IntegrationTests.Documentation;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.TrustedDocuments;

/// <summary>
/// A frontend's build as it would go: graphql-codegen's client preset turns the operations of
/// docs/examples into a manifest, a gateway under <c>Require</c> serves that manifest, and every
/// example that ran with its document runs with its id instead and gets the answer shown.
/// </summary>
public sealed class TrustedDocumentsCodegenTests
{
    [NpmFact]
    public async Task Frontend_SendsEveryDocumentedOperationByItsCodegenId_GetsTheAnswerShown()
    {
        var examples = DocumentationExampleTests.FileNames.ToDictionary(file => file, DocumentationExampleTests.Examples);
        var operations = DocumentedOperations.From(examples.Values.SelectMany(list => list));
        var folder = Path.Combine(Path.GetTempPath(), "cloudjet-codegen", Guid.NewGuid().ToString("N"));
        try
        {
            var manifestPath = await WriteManifestAsync(operations, folder);
            var manifest = JsonSerializer.Deserialize<Dictionary<string, string>>(await File.ReadAllTextAsync(manifestPath))!;
            var idsByName = manifest.ToDictionary(entry => DocumentedOperations.NameIn(entry.Value), entry => entry.Key, StringComparer.Ordinal);
            Assert.All(idsByName.Values, id => Assert.NotNull(DocumentId.DigestOf(id)));
            Assert.Equal(operations.Operations.Keys.Order(StringComparer.Ordinal), idsByName.Keys.Order(StringComparer.Ordinal));

            await using var gateway = new ExampleGateway(new Dictionary<string, string>
            {
                ["GraphQL__TrustedDocuments__Mode"] = "Require",
                ["GraphQL__TrustedDocuments__ManifestPath"] = manifestPath,
            });
            await gateway.InitializeAsync();
            var failures = new List<string>();
            var sent = 0;
            foreach (var file in DocumentationExampleTests.FileNames)
            {
                var byId = examples[file].Select(example => operations.ById(example, idsByName)).OfType<DocumentationExample>().ToList();
                sent += byId.Count(example => example.Command.Contains(DocumentId.Prefix, StringComparison.Ordinal));
                var outputs = await gateway.RunAsync(byId);
                failures.AddRange(byId.Zip(outputs).Select(pair => DocumentationExampleTests.Mismatch(pair.First, pair.Second)).OfType<string>());
            }

            Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
            Assert.True(sent >= operations.Operations.Count, $"{sent} examples sent an id, for {operations.Operations.Count} operations.");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<string> WriteManifestAsync(DocumentedOperations operations, string folder)
    {
        var sources = Path.Combine(folder, "operations");
        Directory.CreateDirectory(sources);
        foreach (var (name, text) in operations.Operations)
        {
            await File.WriteAllTextAsync(Path.Combine(sources, name + ".graphql"), text);
        }

        return await CodegenProject.WriteManifestAsync(sources, Path.Combine(folder, "generated"));
    }
}
