using System.Text;
using CloudjetGraph.Core.Protection;

namespace CloudjetGraph.UnitTests.Protection;

public sealed class FieldCipherTests : IDisposable
{
    private readonly TestKeys _keys = new();

    [Theory]
    [InlineData("Nguyễn Văn An")]
    [InlineData("Phòng Chăm sóc khách hàng")]
    [InlineData("an.nguyen@saomaiviet.vn")]
    [InlineData("+84 912 345 678")]
    [InlineData("Trần Thị Hương 📞")]
    [InlineData("")]
    public void Open_SealedValue_ReturnsPlaintext(string plaintext)
    {
        var binding = TestKeys.NewBinding();

        var sealedValue = _keys.Cipher.Seal(plaintext, _keys.KeyFor(binding), binding);

        Assert.Equal(plaintext, _keys.Cipher.Open(sealedValue, _keys.KeyFor(binding), binding));
    }

    [Fact]
    public void Open_DecomposedVietnamese_ReturnsSameCodeUnits()
    {
        // The cipher must not normalise: a decomposed name comes back decomposed.
        var decomposed = "Nguyễn Thị Thảo".Normalize(NormalizationForm.FormD);
        var binding = TestKeys.NewBinding();

        var opened = _keys.Cipher.Open(_keys.Cipher.Seal(decomposed, _keys.KeyFor(binding), binding), _keys.KeyFor(binding), binding);

        Assert.Equal(decomposed.ToCharArray(), opened.ToCharArray());
    }

    [Fact]
    public void Seal_Value_WritesVersionTwoAndPersonKeyIdHeader()
    {
        const string plaintext = "Lê Minh Khoa";
        var binding = TestKeys.NewBinding();
        var personKey = _keys.KeyFor(binding);

        var sealedValue = _keys.Cipher.Seal(plaintext, personKey, binding);

        Assert.Equal(2, sealedValue[0]);
        Assert.Equal(SealedValueFormat.CurrentVersion, sealedValue[0]);
        Assert.Equal(personKey.Id, new Guid(sealedValue.AsSpan(1, 16)));
        Assert.Equal(personKey.Id, SealedValueFormat.ReadKeyId(sealedValue));
        Assert.Equal(1 + 16 + 12 + Encoding.UTF8.GetByteCount(plaintext) + 16, sealedValue.Length);
    }

    [Fact]
    public void Seal_EmptyString_WritesHeaderAndTagOnly()
    {
        var sealedValue = Seal(string.Empty, TestKeys.NewBinding());

        Assert.Equal(1 + 16 + 12 + 16, sealedValue.Length);
    }

    [Fact]
    public void Seal_SamePlaintextTwice_GivesDifferentNoncesAndCiphertexts()
    {
        var binding = TestKeys.NewBinding();

        var first = _keys.Cipher.Seal("Phạm Quang Huy", _keys.KeyFor(binding), binding);
        var second = _keys.Cipher.Seal("Phạm Quang Huy", _keys.KeyFor(binding), binding);

        Assert.NotEqual(first, second);
        Assert.NotEqual(first.AsSpan(17, 12).ToArray(), second.AsSpan(17, 12).ToArray());
        Assert.Equal(_keys.Cipher.Open(first, _keys.KeyFor(binding), binding), _keys.Cipher.Open(second, _keys.KeyFor(binding), binding));
    }

    [Fact]
    public void Seal_Value_DoesNotContainPlaintextBytes()
    {
        var plainBytes = Encoding.UTF8.GetBytes("an.nguyen@saomaiviet.vn");

        var sealedValue = Seal("an.nguyen@saomaiviet.vn", TestKeys.NewBinding("email"));

        Assert.Equal(-1, sealedValue.AsSpan().IndexOf(plainBytes));
    }

    [Fact]
    public void Seal_NullPlaintext_ThrowsArgumentNullException()
    {
        var exception = Assert.Throws<ArgumentNullException>(() => Seal(null!, TestKeys.NewBinding()));

        Assert.Equal("plaintext", exception.ParamName);
    }

    [Fact]
    public void Open_NullSealedValue_ThrowsArgumentNullException()
    {
        var exception = Assert.Throws<ArgumentNullException>(() => _keys.Cipher.Open(null!, _keys.KeyFor(TestKeys.NewBinding()), TestKeys.NewBinding()));

        Assert.Equal("sealedValue", exception.ParamName);
    }

    [Fact]
    public void SealAndOpen_ManyThreads_AllRoundTrip()
    {
        const int operations = 2000;
        var bindings = Enumerable.Range(0, operations).Select(i => TestKeys.NewBinding(i % 2 == 0 ? "fullName" : "phone")).ToArray();
        var sealedValues = new byte[operations][];
        var opened = new string[operations];
        var parallelism = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(8, Environment.ProcessorCount * 2) };

        // Seal and open interleaved, then open everything again in reverse order from other threads.
        Parallel.For(0, operations, parallelism, i =>
        {
            sealedValues[i] = _keys.Cipher.Seal(Plaintext(i), _keys.KeyFor(bindings[i]), bindings[i]);
            opened[i] = _keys.Cipher.Open(sealedValues[i], _keys.KeyFor(bindings[i]), bindings[i]);
        });
        var reopened = new string[operations];
        Parallel.For(0, operations, parallelism, i =>
        {
            var j = operations - 1 - i;
            reopened[j] = _keys.Cipher.Open(sealedValues[j], _keys.KeyFor(bindings[j]), bindings[j]);
        });

        var expected = Enumerable.Range(0, operations).Select(Plaintext).ToArray();
        Assert.Equal(expected, opened);
        Assert.Equal(expected, reopened);
        Assert.Equal(operations, sealedValues.Select(Convert.ToBase64String).Distinct().Count());
    }

    public void Dispose() => _keys.Dispose();

    private byte[] Seal(string plaintext, FieldBinding binding) => _keys.Cipher.Seal(plaintext, _keys.KeyFor(binding), binding);

    private static string Plaintext(int i) => $"Người dùng số {i} — Đặng Thị Yến";
}
