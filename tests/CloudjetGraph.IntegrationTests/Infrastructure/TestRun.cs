using System.Collections.Concurrent;
using System.Reflection;

namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>
/// Which tests this run was asked to run (recorded by <see cref="RecordingTestFramework"/>), so a
/// check over the whole run can tell a full run from a filtered one.
/// </summary>
public static class TestRun
{
    private static readonly ConcurrentDictionary<string, bool> Scheduled = new(StringComparer.Ordinal);

    /// <summary>Records the test methods about to run, as <c>Class.Method</c>.</summary>
    public static void Schedule(IEnumerable<string> testMethods)
    {
        foreach (var testMethod in testMethods)
        {
            Scheduled.TryAdd(testMethod, true);
        }
    }

    /// <summary>Whether every test method of this assembly that is not skipped was scheduled in this process.</summary>
    public static bool IsFull => AllTestMethods().All(Scheduled.ContainsKey);

    private static IEnumerable<string> AllTestMethods() =>
        from type in typeof(TestRun).Assembly.GetTypes()
        where type is { IsClass: true, IsAbstract: false }
        from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
        let fact = method.GetCustomAttribute<FactAttribute>()
        where fact is not null && fact.Skip is null
        select $"{type.FullName}.{method.Name}";
}
