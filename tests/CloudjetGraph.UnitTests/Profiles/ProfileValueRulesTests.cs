using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.Profiles;

namespace CloudjetGraph.UnitTests.Profiles;

public sealed class ProfileValueRulesTests
{
    [Theory]
    [InlineData(ProfileField.FullName, "fullName")]
    [InlineData(ProfileField.Email, "email")]
    [InlineData(ProfileField.LoginEmail, "loginEmail")]
    public void Check_RequiredFieldNull_ThrowsValidationNamingField(ProfileField field, string name)
    {
        var exception = Assert.Throws<DomainException>(() => ProfileValueRules.Check(field, null));

        Assert.Equal(ErrorCodes.Validation, exception.Code);
        Assert.Equal("VALIDATION", exception.Code);
        Assert.Equal(name, exception.Field);
        Assert.Equal($"{name} is required.", exception.Message);
    }

    [Theory]
    [InlineData(ProfileField.Phone)]
    [InlineData(ProfileField.Skype)]
    [InlineData(ProfileField.Department)]
    [InlineData(ProfileField.JobTitle)]
    public void Check_OptionalFieldNull_IsAccepted(ProfileField field)
    {
        Assert.Null(Record.Exception(() => ProfileValueRules.Check(field, null)));
    }

    [Theory]
    [InlineData(ProfileField.FullName, "Nguyễn Thị Thảo")]
    [InlineData(ProfileField.Email, "an.nguyen@saomaiviet.vn")]
    [InlineData(ProfileField.LoginEmail, " an.nguyen@saomaiviet.vn ")]
    [InlineData(ProfileField.Phone, "+84 (912) 345-678")]
    [InlineData(ProfileField.Phone, "0912.345.678")]
    [InlineData(ProfileField.Skype, "live:nguyenan42")]
    [InlineData(ProfileField.Department, "Phòng Chăm sóc khách hàng")]
    [InlineData(ProfileField.JobTitle, "Trưởng phòng")]
    public void Check_WellFormedValue_IsAccepted(ProfileField field, string value)
    {
        Assert.Null(Record.Exception(() => ProfileValueRules.Check(field, value)));
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("an.nguyen.saomaiviet.vn")]
    [InlineData("@saomaiviet.vn")]
    [InlineData("an.nguyen@")]
    [InlineData("an@nguyen@saomaiviet.vn")]
    public void Check_BadEmail_ThrowsValidationWithoutValue(string value)
    {
        var exception = AssertRefused(ProfileField.Email, value);

        Assert.Equal("email", exception.Field);
        Assert.Equal("email must be an email address.", exception.Message);
    }

    [Fact]
    public void Check_BadLoginEmail_NamesLoginEmail()
    {
        var exception = AssertRefused(ProfileField.LoginEmail, "an.nguyen-at-saomaiviet.vn");

        Assert.Equal("loginEmail", exception.Field);
        Assert.Equal("loginEmail must be an email address.", exception.Message);
    }

    [Theory]
    [InlineData(ProfileField.FullName, "fullName", 200)]
    [InlineData(ProfileField.Phone, "phone", 32)]
    [InlineData(ProfileField.Skype, "skype", 64)]
    [InlineData(ProfileField.Department, "department", 100)]
    [InlineData(ProfileField.JobTitle, "jobTitle", 100)]
    public void Check_ValueOverMaxLength_ThrowsValidationNamingLimit(ProfileField field, string name, int maxLength)
    {
        var atLimit = field == ProfileField.Phone ? "0912345678" + new string(' ', maxLength - 10) : new string('ễ', maxLength);
        var overLimit = atLimit + "9";

        Assert.Null(Record.Exception(() => ProfileValueRules.Check(field, atLimit)));
        var exception = AssertRefused(field, overLimit);
        Assert.Equal(name, exception.Field);
        Assert.Equal($"{name} must be 1 to {maxLength} characters.", exception.Message);
    }

    [Fact]
    public void Check_EmailOverMaxLength_ThrowsValidationNamingLimit()
    {
        var value = new string('a', 243) + "@example.com"; // 255 characters

        var exception = AssertRefused(ProfileField.Email, value);

        Assert.Equal("email must be 1 to 254 characters.", exception.Message);
    }

    [Theory]
    [InlineData(ProfileField.FullName, "")]
    [InlineData(ProfileField.FullName, "   ")]
    [InlineData(ProfileField.Department, "\u3000")]
    [InlineData(ProfileField.Skype, "")]
    public void Check_EmptyOrBlankValue_ThrowsValidation(ProfileField field, string value)
    {
        var exception = AssertRefused(field, value);

        Assert.Equal(ProfileFields.NameOf(field), exception.Field);
        Assert.EndsWith(" characters.", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0912 ABC 678")]
    [InlineData("+84 912 345 678 ext 9")]
    [InlineData("0912_345_678")]
    [InlineData("１２３４５６７８９")] // fullwidth digits
    [InlineData("1234567")] // 7 digits
    [InlineData("1234567890123456")] // 16 digits
    public void Check_BadPhone_ThrowsValidationWithoutValue(string value)
    {
        var exception = AssertRefused(ProfileField.Phone, value);

        Assert.Equal("phone", exception.Field);
        Assert.Equal("phone must be 8 to 15 digits, optionally with + - ( ) . and spaces.", exception.Message);
    }

    [Theory]
    [InlineData(ProfileField.FullName, "Nguyễn\u0000Văn An")]
    [InlineData(ProfileField.Department, "Phòng\nKế toán")]
    [InlineData(ProfileField.JobTitle, "Giám\tđốc")]
    [InlineData(ProfileField.Skype, "live:an\u007F")]
    [InlineData(ProfileField.Email, "an\r@saomaiviet.vn")]
    public void Check_ControlCharacter_ThrowsValidationWithoutValue(ProfileField field, string value)
    {
        var exception = AssertRefused(field, value);

        var name = ProfileFields.NameOf(field);
        Assert.Equal(name, exception.Field);
        Assert.Equal($"{name} must not contain control characters.", exception.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    [InlineData("nine-char")]
    public void CheckPassword_TooShort_ThrowsValidationWithoutValue(string password)
    {
        var exception = Assert.Throws<DomainException>(() => ProfileValueRules.CheckPassword(password));

        Assert.Equal(ErrorCodes.Validation, exception.Code);
        Assert.Equal("password", exception.Field);
        Assert.Equal("password must be 10 to 128 characters.", exception.Message);
    }

    [Fact]
    public void CheckPassword_TooLong_ThrowsValidation()
    {
        var exception = Assert.Throws<DomainException>(() => ProfileValueRules.CheckPassword(new string('x', 129)));

        Assert.Equal("password", exception.Field);
    }

    [Theory]
    [InlineData(10)]
    [InlineData(128)]
    public void CheckPassword_LengthWithinLimits_IsAccepted(int length)
    {
        Assert.Null(Record.Exception(() => ProfileValueRules.CheckPassword(new string('x', length))));
    }

    [Fact]
    public void CheckPassword_Null_ThrowsArgumentNullException()
    {
        Assert.Throws<ArgumentNullException>(() => ProfileValueRules.CheckPassword(null!));
    }

    private static DomainException AssertRefused(ProfileField field, string value)
    {
        var exception = Assert.Throws<DomainException>(() => ProfileValueRules.Check(field, value));
        Assert.Equal(ErrorCodes.Validation, exception.Code);
        if (value.Trim().Length > 0)
        {
            Assert.DoesNotContain(value.Trim(), exception.Message, StringComparison.Ordinal);
        }

        return exception;
    }
}
