using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.Fields;
using CloudjetGraph.Core.Profiles;

namespace CloudjetGraph.UnitTests.Profiles;

public sealed class ProfileValueRulesTests
{
    private const string HiddenCharacters = " must not contain control, format or invisible characters.";

    [Theory]
    [InlineData(ProfileField.FullName, "fullName")]
    [InlineData(ProfileField.Email, "email")]
    [InlineData(ProfileField.LoginEmail, "loginEmail")]
    public void Check_RequiredFieldNull_ThrowsValidationNamingField(ProfileField field, string name)
    {
        var exception = Assert.Throws<DomainException>(() => ProfileValueRules.Check(field, null));

        Assert.Equal("VALIDATION", exception.Code);
        Assert.Equal(name, exception.Field);
        Assert.Equal($"{name} is required.", exception.Message);
    }

    [Theory]
    [InlineData(ProfileField.Phone)]
    [InlineData(ProfileField.Skype)]
    [InlineData(ProfileField.Department)]
    [InlineData(ProfileField.JobTitle)]
    public void Normalize_OptionalFieldNull_ReturnsNull(ProfileField field)
    {
        Assert.Null(ProfileValueRules.Normalize(field, null));
    }

    [Theory]
    [InlineData(ProfileField.FullName, "Nguyễn Thị Thảo")]
    [InlineData(ProfileField.FullName, "山田\u3000太郎")]
    [InlineData(ProfileField.FullName, "O'Brien-Smith Jr.")]
    [InlineData(ProfileField.Email, "an.nguyen@saomaiviet.vn")]
    [InlineData(ProfileField.Email, "an+kpi_2019!#$%&'*/=?^`{|}~-x@mail.saomaiviet.com.vn")]
    [InlineData(ProfileField.Email, "hoa@bücher.de")]
    [InlineData(ProfileField.Email, "ivan@яндекс.рф")]
    [InlineData(ProfileField.Email, "lan@đàlạt.vn")]
    [InlineData(ProfileField.Phone, "+84 (912) 345-678")]
    [InlineData(ProfileField.Phone, "+84(912)345-678")]
    [InlineData(ProfileField.Phone, "0912.345.678")]
    [InlineData(ProfileField.Phone, "12345678")]
    [InlineData(ProfileField.Phone, "+123456789012345")]
    [InlineData(ProfileField.Skype, "live:nguyenan42")]
    [InlineData(ProfileField.Skype, "an.nguyen@outlook.com")]
    [InlineData(ProfileField.Department, "Phòng Chăm sóc khách hàng")]
    [InlineData(ProfileField.Department, "R&D")]
    [InlineData(ProfileField.JobTitle, "Trưởng phòng")]
    [InlineData(ProfileField.JobTitle, "ผู้จัดการ")]
    public void Normalize_WellFormedValue_ReturnsItUnchanged(ProfileField field, string value)
    {
        Assert.Equal(value, ProfileValueRules.Normalize(field, value));
    }

    [Theory]
    [InlineData(ProfileField.FullName, "  Nguye\u0302\u0303n Va\u0306n An\t ", "Nguyễn Văn An")]
    [InlineData(ProfileField.Department, "\u3000Phòng Kế toán\u3000", "Phòng Kế toán")]
    [InlineData(ProfileField.Email, " An.Nguyen@SaoMaiViet.VN ", "An.Nguyen@saomaiviet.vn")]
    [InlineData(ProfileField.LoginEmail, "hoa@XN--BCHER-KVA.de", "hoa@bücher.de")]
    [InlineData(ProfileField.Email, "hoa@ＢＵＣＨＥＲ.de", "hoa@bucher.de")]
    [InlineData(ProfileField.Phone, " 0912 345 678\n", "0912 345 678")]
    public void Normalize_ValueWithSpacesCaseOrDecomposedLetters_ReturnsStoredForm(ProfileField field, string value, string expected)
    {
        Assert.Equal(expected, ProfileValueRules.Normalize(field, value));
    }

    [Theory]
    [InlineData("not-an-email")]
    [InlineData("an.nguyen.saomaiviet.vn")]
    [InlineData("@saomaiviet.vn")]
    [InlineData("an.nguyen@")]
    [InlineData("an@nguyen@saomaiviet.vn")]
    [InlineData("a@b")]
    [InlineData("a@b.")]
    [InlineData("an@localhost")]
    [InlineData("an@saomaiviet.vn.")]
    [InlineData("an@127.0.0.1")]
    [InlineData("an@[127.0.0.1]")]
    [InlineData("\"an nguyen\"@saomaiviet.vn")]
    [InlineData("an(comment)@saomaiviet.vn")]
    [InlineData("an nguyen@saomaiviet.vn")]
    [InlineData("an..nguyen@saomaiviet.vn")]
    [InlineData(".an@saomaiviet.vn")]
    [InlineData("an.@saomaiviet.vn")]
    [InlineData("an@-saomaiviet.vn")]
    [InlineData("an@sao_maiviet.vn")]
    [InlineData("an@saomaiviet..vn")]
    [InlineData("an＠saomaiviet.vn")] // fullwidth commercial at
    [InlineData("an@saomaiviet.vn,evil@attacker.test")]
    [InlineData("an@saomaiviet.vn\"><script>")]
    [InlineData("an'); DROP TABLE Profiles;--@x.vn")]
    public void Check_MalformedEmail_ThrowsValidationWithoutValue(string value)
    {
        var exception = AssertRefused(ProfileField.Email, value);

        Assert.Equal("email must be an email address.", exception.Message);
    }

    [Theory]
    [InlineData("\u0430n.nguyen@saomaiviet.vn")] // Cyrillic а in the local part
    [InlineData("an.nguyen@s\u0430omaiviet.vn")] // Cyrillic а among Latin letters of the domain
    [InlineData("an.nguyen@sa\u03BFmaiviet.vn")] // Greek ο
    [InlineData("an.nguyen@saomaiviet.v\u0578")] // Armenian ո
    [InlineData("nguyễn@saomaiviet.vn")] // a non-ASCII local part is not a dot-atom
    public void Check_LookalikeEmail_ThrowsValidation(string value)
    {
        var exception = AssertRefused(ProfileField.Email, value);

        Assert.Equal("email must be an email address.", exception.Message);
    }

    [Fact]
    public void Check_EmailLocalPartOf65Characters_ThrowsValidation()
    {
        Assert.Null(Record.Exception(() => ProfileValueRules.Check(ProfileField.Email, new string('a', 64) + "@saomaiviet.vn")));
        var exception = AssertRefused(ProfileField.Email, new string('a', 65) + "@saomaiviet.vn");

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
    [InlineData(ProfileField.Email, "an\u200D.nguyen@saomaiviet.vn")] // zero-width joiner
    [InlineData(ProfileField.Email, "an.nguyen@sao\u200Bmaiviet.vn")] // zero-width space, which IDNA would silently drop
    [InlineData(ProfileField.Email, "an.nguyen@sao\u00ADmaiviet.vn")] // soft hyphen, also dropped by IDNA
    [InlineData(ProfileField.Email, "\u202Ena.nguyen@saomaiviet.vn")] // right-to-left override
    [InlineData(ProfileField.Email, "an\r@saomaiviet.vn")]
    [InlineData(ProfileField.FullName, "Nguyễn \u202EnA nāV")] // right-to-left override
    [InlineData(ProfileField.FullName, "\u2067Nguyễn Văn An\u2069")] // right-to-left isolate
    [InlineData(ProfileField.FullName, "Nguyễn\u200EVăn An")] // left-to-right mark
    [InlineData(ProfileField.FullName, "Nguyễn\u200DVăn An")] // zero-width joiner
    [InlineData(ProfileField.FullName, "\u200B\u200C\u200D\u2060\uFEFF")] // nothing but zero-width characters
    [InlineData(ProfileField.FullName, "\u3164")] // Hangul filler: a letter that renders blank
    [InlineData(ProfileField.FullName, "\u2800\u2800")] // blank braille pattern
    [InlineData(ProfileField.FullName, "Nguyễn\u0000Văn An")]
    [InlineData(ProfileField.Department, "Phòng\nKế toán")]
    [InlineData(ProfileField.Department, "Phòng\u2028Kế toán")] // line separator
    [InlineData(ProfileField.JobTitle, "Giám\tđốc")]
    [InlineData(ProfileField.JobTitle, "Giám \uE000đốc")] // private use
    [InlineData(ProfileField.JobTitle, "Giám \u0378đốc")] // unassigned
    [InlineData(ProfileField.Skype, "live:an\u007F")]
    [InlineData(ProfileField.Phone, "0912\u200B345678")]
    public void Check_ControlFormatOrInvisibleCharacter_ThrowsValidationWithoutValue(ProfileField field, string value)
    {
        var exception = AssertRefused(field, value);

        var name = ProfileFields.NameOf(field);
        Assert.Equal(name, exception.Field);
        Assert.Equal(name + HiddenCharacters, exception.Message);
    }

    // Not theory data: xunit turns a lone surrogate in serialised test data into U+FFFD.
    [Fact]
    public void Check_LoneSurrogate_ThrowsValidation()
    {
        var exception = AssertRefused(ProfileField.JobTitle, "Giám \uD800đốc");

        Assert.Equal("jobTitle" + HiddenCharacters, exception.Message);
    }

    [Theory]
    [InlineData(ProfileField.FullName, "---")]
    [InlineData(ProfileField.FullName, "\u0301\u0301")]
    [InlineData(ProfileField.Department, "...")]
    [InlineData(ProfileField.JobTitle, "😀")]
    public void Check_TextWithoutLetterOrDigit_ThrowsValidation(ProfileField field, string value)
    {
        var exception = AssertRefused(field, value);

        Assert.Equal($"{ProfileFields.NameOf(field)} must contain a letter or digit.", exception.Message);
    }

    [Theory]
    [InlineData("\u0301Nguyễn Văn An")] // a mark with no base
    [InlineData("Nguye\u036F\u036F\u036F\u036F\u036Fn")] // five marks on one letter
    [InlineData("Z\u0337\u0322\u0353\u0326\u034Da\u0336l\u0335g\u0338o\u0336")] // "Zalgo" text
    public void Check_NameWithStackedOrLeadingCombiningMarks_ThrowsValidation(string value)
    {
        var exception = AssertRefused(ProfileField.FullName, value);

        Assert.Equal("fullName must not start with a combining mark or stack more than 4 on one character.", exception.Message);
    }

    [Fact]
    public void Check_NameWithFourMarksOnOneLetter_IsAccepted()
    {
        Assert.Null(Record.Exception(() => ProfileValueRules.Check(ProfileField.FullName, "Nguye\u036F\u036F\u036F\u036Fn")));
    }

    [Theory]
    [InlineData(ProfileField.FullName, "fullName", 200)]
    [InlineData(ProfileField.Phone, "phone", 32)]
    [InlineData(ProfileField.Skype, "skype", 64)]
    [InlineData(ProfileField.Department, "department", 100)]
    [InlineData(ProfileField.JobTitle, "jobTitle", 100)]
    public void Check_ValueOverMaxLength_ThrowsValidationNamingLimit(ProfileField field, string name, int maxLength)
    {
        var atLimit = field switch
        {
            ProfileField.Phone => "+1 (2)" + string.Concat(Enumerable.Repeat(" 2", 13)), // 15 digits
            ProfileField.Skype => new string('a', maxLength),
            _ => new string('ễ', maxLength),
        };
        var overLimit = field == ProfileField.Phone ? atLimit + "2" : atLimit + "a";

        Assert.Equal(maxLength, atLimit.Length);
        Assert.Null(Record.Exception(() => ProfileValueRules.Check(field, atLimit)));
        var exception = AssertRefused(field, overLimit);
        Assert.Equal(name, exception.Field);
        Assert.Equal($"{name} must be 1 to {maxLength} characters.", exception.Message);
    }

    [Theory]
    [InlineData(ProfileField.Email)]
    [InlineData(ProfileField.FullName)]
    [InlineData(ProfileField.Phone)]
    public void Check_HugeValue_ThrowsValidationNamingLimit(ProfileField field)
    {
        var exception = AssertRefused(field, new string('9', 1_000_000));

        Assert.EndsWith(" characters.", exception.Message, StringComparison.Ordinal);
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
    [InlineData("٠٩١٢٣٤٥٦٧٨")] // Arabic-Indic digits
    [InlineData("1234567")] // 7 digits
    [InlineData("1234567890123456")] // 16 digits
    [InlineData("++++")]
    [InlineData("+++++++++")]
    [InlineData("++84912345678")]
    [InlineData("84+912345678")]
    [InlineData("--0912345678")]
    [InlineData("0912--345-678")]
    [InlineData("0912 - 345 678")]
    [InlineData("0912 345 678-")]
    [InlineData("(0912 345 678")]
    [InlineData("(0912) 345 678)")]
    [InlineData("()0912345678")]
    [InlineData("0912\u00A0345\u00A0678")] // no-break spaces are not separators
    [InlineData("0912345678; DROP TABLE Profiles")]
    public void Check_BadPhone_ThrowsValidationWithoutValue(string value)
    {
        var exception = AssertRefused(ProfileField.Phone, value);

        Assert.Equal("phone", exception.Field);
        Assert.Equal(
            "phone must be 8 to 15 digits with an optional leading +, groups separated by one space, - or . and an area code optionally in parentheses.",
            exception.Message);
    }

    [Theory]
    [InlineData("live:an nguyen")]
    [InlineData("ｌｉｖｅ:nguyenan")] // fullwidth letters
    [InlineData("live:nguyen\u0430n")] // Cyrillic а
    public void Check_SkypeWithSpacesOrNonAscii_ThrowsValidation(string value)
    {
        var exception = AssertRefused(ProfileField.Skype, value);

        Assert.Equal("skype must be visible ASCII characters without spaces.", exception.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("nine-char")]
    [InlineData("                    ")] // spaces only
    [InlineData("\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000")] // ideographic spaces only
    [InlineData("a b c d e f g h i")] // nine characters besides the spaces
    public void CheckPassword_FewerThanTenNonSpaceCharacters_ThrowsValidationWithoutValue(string password)
    {
        var exception = Assert.Throws<DomainException>(() => ProfileValueRules.CheckPassword(password));

        Assert.Equal(ErrorCodes.Validation, exception.Code);
        Assert.Equal("password", exception.Field);
        Assert.Equal("password must have at least 10 characters other than spaces.", exception.Message);
    }

    [Fact]
    public void CheckPassword_TooLong_ThrowsValidation()
    {
        var exception = Assert.Throws<DomainException>(() => ProfileValueRules.CheckPassword(new string('x', 129)));

        Assert.Equal("password", exception.Field);
        Assert.Equal("password must be at most 128 characters.", exception.Message);
    }

    [Theory]
    [InlineData("correct horse\u0000battery")]
    [InlineData("correct horse\nbattery")]
    public void CheckPassword_ControlCharacterOrBrokenSurrogate_ThrowsValidation(string password)
    {
        var exception = Assert.Throws<DomainException>(() => ProfileValueRules.CheckPassword(password));

        Assert.Equal("password must not contain control characters or broken surrogate pairs.", exception.Message);
    }

    [Fact]
    public void CheckPassword_LoneSurrogate_ThrowsValidation()
    {
        // A lone surrogate is encoded as U+FFFD, so two different passwords would share a hash.
        var exception = Assert.Throws<DomainException>(() => ProfileValueRules.CheckPassword("correct horse \uDC00battery"));

        Assert.Equal("password must not contain control characters or broken surrogate pairs.", exception.Message);
    }

    [Theory]
    [InlineData("xxxxxxxxxx")]
    [InlineData("a b c d e f g h i j")] // ten characters besides the spaces
    [InlineData("mật khẩu an toàn 😀")]
    public void CheckPassword_TenNonSpaceCharacters_IsAccepted(string password)
    {
        Assert.Null(Record.Exception(() => ProfileValueRules.CheckPassword(password)));
    }

    [Fact]
    public void CheckPassword_AtMaxLength_IsAccepted()
    {
        Assert.Null(Record.Exception(() => ProfileValueRules.CheckPassword(new string('x', 128))));
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
        Assert.Equal(ProfileFields.NameOf(field), exception.Field);
        if (value.Trim().Length > 2)
        {
            Assert.DoesNotContain(value.Trim(), exception.Message, StringComparison.Ordinal);
        }

        return exception;
    }
}
