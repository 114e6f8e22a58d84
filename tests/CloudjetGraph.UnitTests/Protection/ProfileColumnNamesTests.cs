using CloudjetGraph.Core.Fields;
using CloudjetGraph.Core.Profiles;

namespace CloudjetGraph.UnitTests.Protection;

public sealed class ProfileColumnNamesTests
{
    // Bound into the associated data of every sealed value: a change here makes stored values unreadable.
    [Theory]
    [InlineData(ProfileField.FullName, "fullName")]
    [InlineData(ProfileField.Email, "email")]
    [InlineData(ProfileField.Phone, "phone")]
    [InlineData(ProfileField.Skype, "skype")]
    [InlineData(ProfileField.Department, "department")]
    [InlineData(ProfileField.JobTitle, "jobTitle")]
    [InlineData(ProfileField.LoginEmail, "loginEmail")]
    public void ColumnName_SealedField_IsPinned(ProfileField field, string column)
    {
        Assert.Equal(column, ProfileSealer.ColumnName(field));
    }

    [Fact]
    public void ColumnName_EverySealedField_IsPinnedAbove()
    {
        Assert.Equal(7, ProfileFields.Sealed.Count);
        Assert.Equal("profiles", ProfileSealer.Table);
        Assert.Equal("passwordHash", ProfileSealer.PasswordHashColumn);
    }

    [Fact]
    public void ColumnName_FieldThatIsNotSealed_ThrowsArgumentOutOfRangeException()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ProfileSealer.ColumnName(ProfileField.Consent));
    }
}
