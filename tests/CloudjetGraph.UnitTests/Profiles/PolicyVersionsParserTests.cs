using CloudjetGraph.Core.Profiles;

namespace CloudjetGraph.UnitTests.Profiles;

/// <summary><c>Policy:Versions</c>: every problem stops startup naming its key.</summary>
public sealed class PolicyVersionsParserTests
{
    private const string OldHash = "3ede4ce1cdabc7c41d530cc3718ad4b4937327681dbbf7f9adbd30084bc65ab7";

    [Fact]
    public void Parse_NoVersionsConfigured_TheBuiltIn2019VersionIsCurrent()
    {
        var versions = PolicyVersionsParser.Parse(new PolicyOptions(), out var errors);

        Assert.Empty(errors);
        Assert.Equal(new PolicyVersion("2019-04-22", new DateOnly(2019, 4, 22), null, OldHash), versions.Current);
    }

    [Fact]
    public void Parse_TwoVersionsOneWithText_ComputesItsHashAndFindsEach()
    {
        var options = Options(("2019-04-22", "2019-04-22", null, OldHash), ("2026-07-01", "2026-07-01", "abc", null));
        options.CurrentVersion = "2026-07-01";

        var versions = PolicyVersionsParser.Parse(options, out var errors);

        Assert.Empty(errors);
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", versions.Current.Sha256);
        Assert.Equal(OldHash, versions.Find("2019-04-22")!.Sha256);
        Assert.Null(versions.Find("2019-04-23"));
    }

    [Theory]
    [InlineData("2030-01-01", null, null, "Policy:CurrentVersion: '2030-01-01' is not listed in Policy:Versions.")]
    [InlineData("2019-04-22", "2019-04-23", OldHash, "Policy:Versions:1:Version: '2019-04-22' is listed twice.")]
    [InlineData("2019-04-22", "2019-04-21", OldHash, "Policy:Versions:1:EffectiveDate: must be after the version listed before it (2019-04-22); list versions oldest first.")]
    [InlineData("2019-04-22", "2026-07-01", "3EDE4CE1CDABC7C41D530CC3718AD4B4937327681DBBF7F9ADBD30084BC65AB7", "Policy:Versions:1:Sha256: must be 64 lowercase hexadecimal digits.")]
    [InlineData("2019-04-22", "2026-07-01", "3ede", "Policy:Versions:1:Sha256: must be 64 lowercase hexadecimal digits.")]
    [InlineData("2019-04-22", "2026-07-01", "", "Policy:Versions:1: needs its Text or its Sha256.")]
    public void Parse_BadVersions_FailsNamingTheKey(string current, string? secondDate, string? secondHash, string error)
    {
        var options = secondDate is null
            ? Options(("2019-04-22", "2019-04-22", null, OldHash))
            : Options(("2019-04-22", "2019-04-22", null, OldHash), (secondDate == "2019-04-23" ? "2019-04-22" : "v2", secondDate, null, secondHash == string.Empty ? null : secondHash));
        options.CurrentVersion = current;

        PolicyVersionsParser.Parse(options, out var errors);

        Assert.Equal([error], errors);
    }

    [Fact]
    public void Parse_HashThatDoesNotMatchTheText_FailsNamingTheKey()
    {
        var options = Options(("2019-04-22", "2019-04-22", "not the 2019 text", OldHash));

        PolicyVersionsParser.Parse(options, out var errors);

        Assert.Equal(["Policy:Versions:0:Sha256: does not match its Text."], errors);
    }

    private static PolicyOptions Options(params (string Version, string Date, string? Text, string? Sha256)[] versions)
    {
        var options = new PolicyOptions();
        options.Versions.AddRange(versions.Select(v => new PolicyVersionOptions
        {
            Version = v.Version, EffectiveDate = DateOnly.Parse(v.Date, System.Globalization.CultureInfo.InvariantCulture), Text = v.Text, Sha256 = v.Sha256,
        }));
        return options;
    }
}
