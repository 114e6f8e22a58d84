using CloudjetGraph.Core.Authorization;

namespace CloudjetGraph.UnitTests.Authorization;

public sealed class ProfileFieldsTests
{
    [Theory]
    [InlineData(ProfileField.Id, "id")]
    [InlineData(ProfileField.Organization, "organization")]
    [InlineData(ProfileField.FullName, "fullName")]
    [InlineData(ProfileField.JobTitle, "jobTitle")]
    [InlineData(ProfileField.LoginEmail, "loginEmail")]
    [InlineData(ProfileField.CreatedAt, "createdAt")]
    [InlineData(ProfileField.UpdatedAt, "updatedAt")]
    public void NameOf_Field_ReturnsCamelCaseName(ProfileField field, string expected)
    {
        Assert.Equal(expected, ProfileFields.NameOf(field));
    }

    [Fact]
    public void TryParse_NameOfEveryField_ReturnsSameField()
    {
        foreach (var field in Enum.GetValues<ProfileField>())
        {
            Assert.True(ProfileFields.TryParse(ProfileFields.NameOf(field), out var parsed));
            Assert.Equal(field, parsed);
        }
    }

    [Theory]
    [InlineData("JOBTITLE", ProfileField.JobTitle)]
    [InlineData("JobTitle", ProfileField.JobTitle)]
    [InlineData("loginemail", ProfileField.LoginEmail)]
    [InlineData("Phone", ProfileField.Phone)]
    public void TryParse_OtherCase_ReturnsField(string name, ProfileField expected)
    {
        Assert.True(ProfileFields.TryParse(name, out var field));
        Assert.Equal(expected, field);
    }

    [Theory]
    [InlineData("salary")]
    [InlineData("job_title")]
    [InlineData("passwordHash")]
    [InlineData("emailIndex")]
    [InlineData("4")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_UnknownName_ReturnsFalse(string? name)
    {
        Assert.False(ProfileFields.TryParse(name, out _));
    }

    [Fact]
    public void IsPersonal_EveryField_TrueForSealedFieldsAndConsentOnly()
    {
        var personal = Enum.GetValues<ProfileField>().Where(ProfileFields.IsPersonal);

        Assert.Equal(
            [
                ProfileField.FullName, ProfileField.Email, ProfileField.Phone, ProfileField.Skype,
                ProfileField.Department, ProfileField.JobTitle, ProfileField.LoginEmail, ProfileField.Consent,
            ],
            personal);
    }

    [Fact]
    public void Maskable_IsPhoneOnly()
    {
        Assert.Equal([ProfileField.Phone], ProfileFields.Maskable);
    }
}
