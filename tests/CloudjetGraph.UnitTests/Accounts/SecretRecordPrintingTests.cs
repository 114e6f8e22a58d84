using CloudjetGraph.Core.Accounts;
using CloudjetGraph.Core.Authentication;
using CloudjetGraph.Core.Fields;
using CloudjetGraph.Core.Onboarding;

namespace CloudjetGraph.UnitTests.Accounts;

/// <summary>Records print their members by default: those that carry secrets or personal data must not, so a log line or an exception that formats one leaks nothing.</summary>
public sealed class SecretRecordPrintingTests
{
    private const string Secret = "correct horse battery staple";
    private const string Email = "an.secret@example.vn";

    [Fact]
    public void SignUpRequest_Printed_HoldsNoValuePasswordOrCode()
    {
        var request = new SignUpRequest(Secret + "code", new Dictionary<ProfileField, string?> { [ProfileField.Email] = Email, [ProfileField.FullName] = Secret + "name" }, Secret, new ConsentRequest(true, "2019-04-22"));

        var printed = request.ToString();

        Assert.DoesNotContain(Secret, printed, StringComparison.Ordinal);
        Assert.DoesNotContain(Email, printed, StringComparison.Ordinal);
    }

    [Fact]
    public void IssuedToken_Printed_HoldsNoToken() =>
        Assert.DoesNotContain(Secret, new IssuedToken(Secret, DateTimeOffset.UnixEpoch).ToString(), StringComparison.Ordinal);

    [Fact]
    public void IssuedInvitation_Printed_HoldsNoCode() =>
        Assert.DoesNotContain(Secret, new IssuedInvitation(Secret, DateTimeOffset.UnixEpoch).ToString(), StringComparison.Ordinal);
}
