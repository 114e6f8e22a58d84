using CloudjetGraph.Core.Fields;

namespace CloudjetGraph.UnitTests.Authorization;

public sealed class ProfileFieldsTests
{
    [Theory]
    [InlineData("passwordHash")]
    [InlineData("emailIndex")]
    [InlineData("loginEmailIndex")]
    [InlineData("version")]
    public void TryParse_StoredColumnThatIsNoSchemaField_ReturnsFalse(string name)
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
