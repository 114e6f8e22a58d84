using CloudjetGraph.Core.Authorization;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.HostileInputs;

/// <summary>
/// The gateway under attack by the corpus and the fuzzer: the shipped limits, except the login and
/// sign-up rate limits, raised so that every case reaches the rule it targets (their own tests
/// cover them), and the caller tokens and the release oracle the checks need.
/// </summary>
public sealed class HostileCorpusApplication : CloudjetApplication
{
    private ReleaseOracle? _oracle;

    public HostileCallers Callers => new(this);

    /// <summary>Built from the stored data on first use, and again after <see cref="DataChanged"/>.</summary>
    public ReleaseOracle Oracle => _oracle ??= new ReleaseOracle(Services);

    /// <summary>An accepted write changed stored values: who may read what is worked out anew.</summary>
    public void DataChanged() => _oracle = null;

    /// <summary>The role whose read rights bound a caller kind; hostile tokens must get no more than anonymous callers.</summary>
    public static (DefaultRole Role, string? Subject) RightsOf(string caller) => caller switch
    {
        "owner" => (DefaultRole.Owner, null),
        "management" => (DefaultRole.Management, "management-demo"),
        "sales" => (DefaultRole.Sales, "sales-demo"),
        "support" => (DefaultRole.Support, "support-demo"),
        "keyCustodian" => (DefaultRole.KeyCustodian, "custodian-demo"),
        _ => (DefaultRole.Anonymous, null),
    };
}
