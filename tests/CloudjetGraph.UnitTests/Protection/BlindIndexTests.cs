using System.Security.Cryptography;
using System.Text;
using CloudjetGraph.Core.Protection;

namespace CloudjetGraph.UnitTests.Protection;

public sealed class BlindIndexTests : IDisposable
{
    private const string Email = "an.nguyen@saomaiviet.vn";

    private static readonly BlindIndexColumn Column = BlindIndexColumn.ProfileLoginEmail;

    private readonly TestKeys _keys = new();

    [Theory]
    [InlineData("AN.NGUYEN@SAOMAIVIET.VN")]
    [InlineData("An.Nguyen@SaoMaiViet.vn")]
    [InlineData("  an.nguyen@saomaiviet.vn  ")]
    [InlineData("\tAn.Nguyen@saomaiviet.VN\r\n")]
    [InlineData("\u00A0an.nguyen@saomaiviet.vn\u3000")] // no-break and ideographic spaces
    [InlineData("ａｎ．ｎｇｕｙｅｎ＠ｓａｏｍａｉｖｉｅｔ．ｖｎ")] // fullwidth forms
    [InlineData("ＡＮ.ＮＧＵＹＥＮ@saomaiviet.vn")]
    public void ForEmail_EquivalentSpelling_GivesSameIndex(string spelling)
    {
        Assert.Equal(_keys.Index.ForEmail(Column, Email), _keys.Index.ForEmail(Column, spelling));
    }

    [Fact]
    public void ForEmail_ComposedAndDecomposedVietnamese_GiveSameIndex()
    {
        const string email = "nguyễn.thị.thảo@ví-dụ.vn";

        var composed = _keys.Index.ForEmail(Column, email.Normalize(NormalizationForm.FormC));
        var decomposed = _keys.Index.ForEmail(Column, email.Normalize(NormalizationForm.FormD));

        Assert.Equal(composed, decomposed);
    }

    [Fact]
    public void ForEmail_CompatibilityLigature_GivesSameIndexAsLetters()
    {
        Assert.Equal(_keys.Index.ForEmail(Column, "fiona@saomaiviet.vn"), _keys.Index.ForEmail(Column, "\uFB01ona@saomaiviet.vn"));
    }

    [Theory]
    [InlineData("an.nguyen@saomaiviet.com")]
    [InlineData("an.nguyen2@saomaiviet.vn")]
    [InlineData("binh.tran@saomaiviet.vn")]
    [InlineData("an.nguyễn@saomaiviet.vn")]
    public void ForEmail_DifferentEmail_GivesDifferentIndex(string other)
    {
        Assert.NotEqual(_keys.Index.ForEmail(Column, Email), _keys.Index.ForEmail(Column, other));
    }

    [Fact]
    public void ForEmail_DifferentIndexKey_GivesDifferentIndex()
    {
        using var otherKeys = new TestKeys();

        Assert.NotEqual(_keys.Index.ForEmail(Column, Email), otherKeys.Index.ForEmail(Column, Email));
    }

    [Fact]
    public void ForEmail_AnyEmail_Returns49ByteEntryNamingActiveKey()
    {
        foreach (var entry in new[] { _keys.Index.ForEmail(Column, Email), _keys.Index.ForEmail(Column, string.Empty) })
        {
            Assert.Equal(49, entry.Length);
            Assert.True(BlindIndexFormat.TryReadKeyId(entry, out var keyId));
            Assert.Equal(_keys.IndexKey.Id, keyId);
        }
    }

    [Fact]
    public void ForEmail_SameKey_IsDeterministic()
    {
        var again = new BlindIndex(_keys.Ring);

        Assert.Equal(_keys.Index.ForEmail(Column, Email), again.ForEmail(Column, Email));
    }

    [Fact]
    public void ForEmail_AnyEmail_IsNotUnkeyedSha256()
    {
        var index = _keys.Index.ForEmail(Column, Email);

        Assert.NotEqual(SHA256.HashData(Encoding.UTF8.GetBytes(Email)), index);
        Assert.NotEqual(SHA256.HashData(Encoding.UTF8.GetBytes(Email.ToUpperInvariant())), index);
    }

    [Fact]
    public void ForEmail_AnyEmail_IsHmacSha256UnderActiveBlindIndexKey()
    {
        // A retired index key and the field key are loaded too; only the active index key writes.
        var retired = TestKeys.NewKey(DataKeyPurpose.BlindIndex, isActive: false);
        _keys.Ring.Load([retired, _keys.WrappingKey, _keys.IndexKey]);

        var index = _keys.Index.ForEmail(Column, "  An.Nguyen@SaoMaiViet.vn ");

        Assert.Equal(
            BlindIndexFormat.Write(_keys.IndexKey.Id, HMACSHA256.HashData(ColumnKey(_keys.IndexKey.Material), Encoding.UTF8.GetBytes(Email))),
            index);
    }

    [Fact]
    public void CandidatesForEmail_ActiveAndRetiredKeys_GivesActiveEntryFirstThenRetiredOnly()
    {
        var retired = TestKeys.NewKey(DataKeyPurpose.BlindIndex, isActive: false);
        _keys.Ring.Load([retired, _keys.WrappingKey, _keys.IndexKey, _keys.IntegrityKey]);
        var retiredIndex = new DataKeyRing();
        retiredIndex.Load([retired with { IsActive = true }]);

        var candidates = _keys.Index.CandidatesForEmail(Column, "AN.NGUYEN@saomaiviet.vn");

        // Each key's entry in the current format, then in format 1, which a reindex has not moved yet.
        Assert.Equal([2, 1, 2, 1], candidates.Select(candidate => (int)candidate[0]));
        Assert.Equal(_keys.Index.ForEmail(Column, Email), candidates[0]);
        Assert.Equal(new BlindIndex(retiredIndex).ForEmail(Column, Email), candidates[2]);
        Assert.Equal([_keys.IndexKey.Id, _keys.IndexKey.Id, retired.Id, retired.Id], candidates.Select(candidate => new Guid(candidate.AsSpan(1, 16))));
    }

    [Fact]
    public void Matches_EntryUnderRetiredKey_IsTrue()
    {
        var retired = TestKeys.NewKey(DataKeyPurpose.BlindIndex, isActive: false);
        var before = new DataKeyRing();
        before.Load([retired with { IsActive = true }]);
        var entry = new BlindIndex(before).ForEmail(Column, Email);
        _keys.Ring.Load([retired, _keys.IndexKey]);

        Assert.True(_keys.Index.Matches(Column, entry, Email));
        Assert.False(_keys.Index.Matches(Column, entry, "binh.tran@saomaiviet.vn"));
    }

    [Fact]
    public void Matches_EntryWithForgedKeyId_IsFalse()
    {
        var retired = TestKeys.NewKey(DataKeyPurpose.BlindIndex, isActive: false);
        _keys.Ring.Load([retired, _keys.IndexKey]);
        var entry = _keys.Index.ForEmail(Column, Email);

        // The active key's MAC relabelled as the retired key's, or as a key nobody has.
        foreach (var forgedId in new[] { retired.Id, Guid.NewGuid() })
        {
            var forged = BlindIndexFormat.Write(forgedId, entry.AsSpan(BlindIndexFormat.KeyHeaderSize));
            Assert.False(_keys.Index.Matches(Column, forged, Email));
        }
    }

    [Fact]
    public void Matches_EntryFromBeforeTheFormat_IsFalse()
    {
        var legacy = HMACSHA256.HashData(_keys.IndexKey.Material, Encoding.UTF8.GetBytes(Email));

        Assert.False(_keys.Index.Matches(Column, legacy, Email));
    }

    [Theory]
    [InlineData("  An.Nguyen@SaoMaiViet.VN ", Email)]
    [InlineData("ＡＮ＠ＥＸＡＭＰＬＥ．ＣＯＭ", "an@example.com")]
    [InlineData("\uFB01ona@x.vn", "fiona@x.vn")]
    public void NormalizeEmail_Spelling_ReturnsCanonicalForm(string email, string expected)
    {
        Assert.Equal(expected, BlindIndex.NormalizeEmail(email));
    }

    [Theory]
    [InlineData("An@XN--BCHER-KVA.vn", "an@bücher.vn")]
    [InlineData("an@BÜCHER.vn", "an@bücher.vn")]
    [InlineData("an@bu\u0308cher.vn", "an@bücher.vn")] // decomposed ü
    [InlineData("an@ｂüｃｈｅｒ．ｖｎ", "an@bücher.vn")] // fullwidth letters and dot
    [InlineData("thu@xn--v-jga.vn", "thu@ví.vn")]
    [InlineData("an@xn--d1acufc.xn--p1ai", "an@домен.рф")]
    public void NormalizeEmail_IdnDomainInAnyForm_GivesItsLowerCaseUnicodeForm(string email, string expected)
    {
        Assert.Equal(expected, BlindIndex.NormalizeEmail(email));
    }

    // Lookups never refuse: these match nothing, since no stored address has such a domain.
    [Theory]
    [InlineData("an@xn--.vn")] // empty punycode
    [InlineData("an@xn--bcher-kva-.vn")] // label ends with a hyphen
    [InlineData("an@xn--ls8h-.vn")]
    [InlineData("an@exa_mple.vn")] // not an STD3 character
    [InlineData("an@a..vn")]
    public void NormalizeEmail_DomainIdnaRefuses_KeepsTheFoldedForm(string email)
    {
        Assert.Equal(email.ToLowerInvariant(), BlindIndex.NormalizeEmail(email));
    }

    [Fact]
    public void NormalizeEmail_LabelOver63Octets_KeepsTheFoldedFormWithoutThrowing()
    {
        var email = $"an@{new string('a', 64)}.vn";

        Assert.Equal(email, BlindIndex.NormalizeEmail(email));
    }

    [Fact]
    public void ForEmail_PunycodeAndUnicodeDomain_GiveTheSameIndex()
    {
        Assert.Equal(_keys.Index.ForEmail(Column, "hoa@ví-dụ.vn"), _keys.Index.ForEmail(Column, "hoa@xn--v-d-rma6749a.vn"));
    }

    [Fact]
    public void ForEmail_NoActiveBlindIndexKey_ThrowsInvalidOperationException()
    {
        _keys.Ring.Load([_keys.WrappingKey]);

        Assert.Throws<InvalidOperationException>(() => _keys.Index.ForEmail(Column, Email));
    }

    public void Dispose() => _keys.Dispose();

    private static byte[] ColumnKey(byte[] material) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, material, 32, salt: [], info: Encoding.UTF8.GetBytes("cloudjet/blind-index/v2|" + Column.Label));

    [Fact]
    public void ForEmail_SameAddressInEachColumn_GivesUnrelatedEntries()
    {
        var entries = BlindIndexColumn.All.Select(column => Convert.ToHexString(_keys.Index.ForEmail(column, Email)[BlindIndexFormat.KeyHeaderSize..])).ToList();

        Assert.Equal(entries.Count, entries.Distinct().Count());
    }

    [Fact]
    public void Matches_EntryCopiedFromAnotherColumn_IsFalse()
    {
        var invitationEntry = _keys.Index.ForEmail(BlindIndexColumn.InvitationEmail, Email);

        Assert.True(_keys.Index.Matches(BlindIndexColumn.InvitationEmail, invitationEntry, Email));
        Assert.False(_keys.Index.Matches(BlindIndexColumn.ProfileLoginEmail, invitationEntry, Email));
        Assert.False(_keys.Index.Matches(BlindIndexColumn.ProfileEmail, invitationEntry, Email));
    }
}
