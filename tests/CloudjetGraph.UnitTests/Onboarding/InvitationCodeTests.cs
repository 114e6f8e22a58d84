using System.Buffers.Text;
using CloudjetGraph.Core.Onboarding;

namespace CloudjetGraph.UnitTests.Onboarding;

public sealed class InvitationCodeTests
{
    [Fact]
    public void New_ManyCodes_AreDistinctAndCarry128RandomBits()
    {
        var codes = Enumerable.Range(0, 1000).Select(_ => InvitationCode.New()).ToList();

        Assert.Equal(codes.Count, codes.Distinct(StringComparer.Ordinal).Count());
        Assert.All(codes, code => Assert.Equal(16, Base64Url.DecodeFromChars(code).Length));
    }

    [Fact]
    public void Hash_CodeWithSurroundingSpace_EqualsHashOfTheCode()
    {
        var code = InvitationCode.New();

        Assert.Equal(InvitationCode.Hash(code), InvitationCode.Hash($" {code}\n"));
    }

    [Fact]
    public void Hash_CodesDifferingInOneCharacter_Differ()
    {
        Assert.NotEqual(InvitationCode.Hash("demo-invite-minhanh-1"), InvitationCode.Hash("demo-invite-minhanh-2"));
        Assert.Equal(32, InvitationCode.Hash("demo-invite-minhanh-1").Length);
    }
}
