using CloudjetGraph.Core.Authorization;

namespace CloudjetGraph.UnitTests.Authorization;

public sealed class EnumNamesTests
{
    [Theory]
    [InlineData(Role.Owner, "owner")]
    [InlineData(Role.KeyCustodian, "keyCustodian")]
    public void Of_Role_ReturnsCamelCaseName(Role role, string expected)
    {
        Assert.Equal(expected, EnumNames.Of(role));
    }

    [Theory]
    [InlineData(ProfileField.Id, "id")]
    [InlineData(ProfileField.FullName, "fullName")]
    [InlineData(ProfileField.LoginEmail, "loginEmail")]
    [InlineData(ProfileField.UpdatedAt, "updatedAt")]
    public void Of_ProfileField_ReturnsSchemaName(ProfileField field, string expected)
    {
        Assert.Equal(expected, EnumNames.Of(field));
    }

    [Fact]
    public void TryParse_NameOfEveryMember_ReturnsSameMember()
    {
        AssertRoundTrip<Role>();
        AssertRoundTrip<ProfileField>();
        AssertRoundTrip<FieldAccess>();
        AssertRoundTrip<RowScope>();
    }

    [Theory]
    [InlineData("KEYCUSTODIAN", Role.KeyCustodian)]
    [InlineData("KeyCustodian", Role.KeyCustodian)]
    [InlineData("keycustodian", Role.KeyCustodian)]
    [InlineData("Sales", Role.Sales)]
    public void TryParse_OtherCase_ReturnsMember(string name, Role expected)
    {
        Assert.True(EnumNames.TryParse<Role>(name, out var role));
        Assert.Equal(expected, role);
    }

    [Theory]
    [InlineData("intern")]
    [InlineData("key_custodian")]
    [InlineData(" sales")]
    [InlineData("1")]
    [InlineData("Sales,Support")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_AnythingButAMemberName_ReturnsFalse(string? name)
    {
        Assert.False(EnumNames.TryParse<Role>(name, out _));
    }

    [Theory]
    [InlineData("Masked,Read")]
    [InlineData("3")]
    [InlineData("-1")]
    public void TryParse_AccessAsNumberOrFlags_ReturnsFalse(string name)
    {
        Assert.False(EnumNames.TryParse<FieldAccess>(name, out _));
    }

    private static void AssertRoundTrip<TEnum>()
        where TEnum : struct, Enum
    {
        foreach (var member in Enum.GetValues<TEnum>())
        {
            Assert.True(EnumNames.TryParse<TEnum>(EnumNames.Of(member), out var parsed));
            Assert.Equal(member, parsed);
        }
    }
}
