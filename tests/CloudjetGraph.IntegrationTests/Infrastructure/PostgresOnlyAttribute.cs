using Xunit.Abstractions;
using Xunit.Sdk;

namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>
/// A test that proves a PostgreSQL guarantee (a <c>pg_dump</c>, several processes on one server):
/// it belongs to the PostgreSQL run and is reported as skipped, with the reason, on SQLite.
/// </summary>
/// <param name="reason">What the test needs PostgreSQL for.</param>
[TraitDiscoverer("CloudjetGraph.IntegrationTests.Infrastructure.PostgresOnlyAttribute+Discoverer", "CloudjetGraph.IntegrationTests")]
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class PostgresOnlyAttribute(string reason) : Attribute, ITraitAttribute
{
    public string Reason { get; } = reason;

    /// <summary>
    /// The attribute's trait, with its reason, and <see cref="TestTraits.PostgresRun"/>, whose fixed
    /// value a <c>dotnet test --filter</c> can select (a filter cannot ask whether a trait is present).
    /// </summary>
    public sealed class Discoverer : ITraitDiscoverer
    {
        public IEnumerable<KeyValuePair<string, string>> GetTraits(IAttributeInfo traitAttribute)
        {
            ArgumentNullException.ThrowIfNull(traitAttribute);
            yield return new(TestTraits.PostgresOnly, traitAttribute.GetConstructorArguments().OfType<string>().Single());
            yield return new(TestTraits.PostgresRun, "true");
        }
    }
}
