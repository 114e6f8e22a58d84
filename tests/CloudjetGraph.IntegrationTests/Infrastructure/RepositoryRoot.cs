namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>The checkout the tests run from, found by walking up to CloudjetGraph.sln.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "CloudjetGraph.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("CloudjetGraph.sln not found above the test output directory.");
    }
}
