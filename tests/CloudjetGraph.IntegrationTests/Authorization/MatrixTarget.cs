using CloudjetGraph.Core.Authorization;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Authorization;

/// <summary>
/// A host with one known profile in an organisation assigned to both sales-demo and support-demo,
/// and a token for every role.
/// </summary>
public sealed class MatrixTarget : CloudjetApplication
{
    public Guid ProfileId { get; private set; }

    public Dictionary<string, object?> Input { get; } = Owners.NewInput("matrix");

    public Dictionary<Role, string?> Tokens { get; } = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        ProfileId = await this.SignUpAsync(Input);
        Tokens[Role.Owner] = await this.LoginAsync((string)Input["email"]!);
        Tokens[Role.Management] = StaffToken(Role.Management, "management-demo");
        Tokens[Role.Sales] = StaffToken(Role.Sales, "sales-demo");
        Tokens[Role.Support] = StaffToken(Role.Support, "support-demo");
        Tokens[Role.KeyCustodian] = StaffToken(Role.KeyCustodian, "custodian-demo");
        Tokens[Role.Anonymous] = null;
    }
}
