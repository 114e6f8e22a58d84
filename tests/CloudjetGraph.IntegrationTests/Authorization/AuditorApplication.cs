using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Authorization;

/// <summary>
/// A gateway with one more staff role, <c>auditor</c>, made in configuration only: a row scope and
/// three field rules (id, fullName, phone masked), a purpose (account), and no operation unless a test grants one.
/// </summary>
public class AuditorApplication : CloudjetApplication
{
    public const string Role = "auditor";

    public AuditorApplication()
    {
        With($"Authorization:RowScopes:{Role}", "All");
        With($"Authorization:Purposes:{Role}", "account");
        With($"Authorization:Fields:id:{Role}", "Read");
        With($"Authorization:Fields:fullName:{Role}", "Read");
        With($"Authorization:Fields:phone:{Role}", "Masked");
    }
}
