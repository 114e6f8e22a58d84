using Xunit.Abstractions;
using Xunit.Sdk;

namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>
/// A test whose outcome can differ by database provider: it touches SQL whose behaviour is the
/// provider's (migrations, locks, leases, compare-and-swap, concurrent writers, dumps, erasure
/// bytes, audit appends, counts and paging, the key store). It runs on SQLite and again in the
/// PostgreSQL run; every other test runs once, on SQLite. On a class it applies to every test.
/// </summary>
/// <param name="reason">What the test does that a provider decides.</param>
[TraitDiscoverer("CloudjetGraph.IntegrationTests.Infrastructure.ProviderSensitiveAttribute+Discoverer", "CloudjetGraph.IntegrationTests")]
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class ProviderSensitiveAttribute(string reason) : Attribute, ITraitAttribute
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
            yield return new(TestTraits.ProviderSensitive, traitAttribute.GetConstructorArguments().OfType<string>().Single());
            yield return new(TestTraits.PostgresRun, "true");
        }
    }
}
