using CloudjetGraph.Core.Fields;

namespace CloudjetGraph.UnitTests.Authorization;

public sealed class PhoneMaskTests
{
    [Theory]
    [InlineData("+84 912 345 678", "********678")]
    [InlineData("0912345678", "*******678")]
    [InlineData("(+84) 91-234.5678", "********678")]
    [InlineData("090 123 4567", "*******567")]
    public void Apply_PhoneNumber_HidesAllButLastThreeDigits(string phone, string expected)
    {
        Assert.Equal(expected, PhoneMask.Apply(phone));
    }

    [Theory]
    [InlineData("1234", "*234")]
    [InlineData("123", "123")]
    [InlineData("12", "12")]
    [InlineData("7", "7")]
    [InlineData("", "")]
    [InlineData("+ ( ) -", "")]
    public void Apply_ShortNumber_ShowsAtMostThreeDigits(string phone, string expected)
    {
        Assert.Equal(expected, PhoneMask.Apply(phone));
    }

    [Theory]
    [InlineData("+84 912 345 678 ext. 9", "*********789")]
    [InlineData("tel: 0912-345-678", "*******678")]
    [InlineData("０９１２３４５６７８", "")] // fullwidth digits are not ASCII digits
    public void Apply_NonDigits_AreDropped(string phone, string expected)
    {
        var masked = PhoneMask.Apply(phone);

        Assert.Equal(expected, masked);
        Assert.All(masked, c => Assert.True(c == '*' || char.IsAsciiDigit(c)));
    }

    [Fact]
    public void Apply_Null_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => PhoneMask.Apply(null!));
    }
}
