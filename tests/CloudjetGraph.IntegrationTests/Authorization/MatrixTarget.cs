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

    public Dictionary<DefaultRole, string?> Tokens { get; } = [];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        ProfileId = await this.SignUpAsync(Input);
        Tokens[DefaultRole.Owner] = await this.LoginAsync((string)Input["email"]!);
        Tokens[DefaultRole.Management] = StaffToken(DefaultRole.Management, "management-demo");
        Tokens[DefaultRole.Sales] = StaffToken(DefaultRole.Sales, "sales-demo");
        Tokens[DefaultRole.Support] = StaffToken(DefaultRole.Support, "support-demo");
        Tokens[DefaultRole.KeyCustodian] = StaffToken(DefaultRole.KeyCustodian, "custodian-demo");
        Tokens[DefaultRole.Anonymous] = null;
    }
}
