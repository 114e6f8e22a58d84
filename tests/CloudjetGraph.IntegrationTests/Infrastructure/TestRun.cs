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

    /// <summary>The test methods of this assembly, not skipped, that this run was not given.</summary>
    public static IReadOnlyList<string> Unscheduled() => [.. AllTestMethods().Where(method => !Scheduled.ContainsKey(method))];

    // What xunit 2 discovers: public, concrete classes (nested ones too) and their [Fact] or [Theory] methods.
    private static IEnumerable<string> AllTestMethods() =>
        from type in typeof(TestRun).Assembly.GetTypes()
        where type is { IsClass: true, IsAbstract: false } && (type.IsPublic || type.IsNestedPublic)
        from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly)
        let fact = method.GetCustomAttribute<FactAttribute>()
        where fact is not null && fact.Skip is null
        select $"{type.FullName}.{method.Name}";
}
