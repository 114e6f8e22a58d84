using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Fields;

namespace CloudjetGraph.UnitTests.Authorization;

public sealed class EnumNamesTests
{
    [Theory]
    [InlineData(RowScope.All, "all")]
    [InlineData(RowScope.AssignedOrganizations, "assignedOrganizations")]
    public void Of_RowScope_ReturnsCamelCaseName(RowScope scope, string expected)
    {
        Assert.Equal(expected, EnumNames.Of(scope));
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
        AssertRoundTrip<ProfileField>();
        AssertRoundTrip<FieldAccess>();
        AssertRoundTrip<RowScope>();
    }

    [Theory]
    [InlineData("ASSIGNEDORGANIZATIONS", RowScope.AssignedOrganizations)]
    [InlineData("AssignedOrganizations", RowScope.AssignedOrganizations)]
    [InlineData("assignedorganizations", RowScope.AssignedOrganizations)]
    [InlineData("All", RowScope.All)]
    public void TryParse_OtherCase_ReturnsMember(string name, RowScope expected)
    {
        Assert.True(EnumNames.TryParse<RowScope>(name, out var scope));
        Assert.Equal(expected, scope);
    }

    [Theory]
    [InlineData("everyone")]
    [InlineData("assigned_organizations")]
    [InlineData(" all")]
    [InlineData("1")]
    [InlineData("All,Own")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_AnythingButAMemberName_ReturnsFalse(string? name)
    {
        Assert.False(EnumNames.TryParse<RowScope>(name, out _));
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
