using CloudjetGraph.Core.Audit;

namespace CloudjetGraph.UnitTests.Audit;

/// <summary>
/// Pins a retention checkpoint's digest and seal byte by byte (the expected values were computed
/// outside .NET, from docs/audit.md), and how a detail carries its seal: stored checkpoints must keep verifying.
/// </summary>
public sealed class AuditCheckpointFormatTests
{
    private const string PinnedDigest = "6736a5b774c591c7ead2d3bdc66d7778856166f8f4ec34128209bdf51bb9baee";
    private const string PinnedSeal = "a21717f317c26d2d25c5dd843753b9a9312b3c664354c1a10bebcff9be9cbf86";
    private static readonly Guid KeyId = Guid.Parse("0b8f4a52-6c2e-4f11-9d3a-5e7c1b2a9f00");
    private static readonly string Detail = "pruned=2; before=2026-01-01T00:00:00.000Z; digest=" + string.Concat(Enumerable.Repeat("cd", 32));

    [Fact]
    public void Digest_TwoPrunedEntries_IsThePinnedHash()
    {
        AuditPrunedEntry[] pruned =
        [
            new() { Sequence = 3, Link = Enumerable.Repeat((byte)0x11, 32).ToArray(), CheckpointSequence = 8 },
            new() { Sequence = 7, Link = Enumerable.Repeat((byte)0x22, 32).ToArray(), CheckpointSequence = 8 },
        ];

        Assert.Equal(PinnedDigest, Convert.ToHexStringLower(AuditCheckpointFormat.Digest(pruned)));
    }

    [Fact]
    public void SealOf_KnownCheckpoint_IsThePinnedMac()
    {
        Assert.Equal(PinnedSeal, Convert.ToHexStringLower(Seal(42, "entries 3..7", Detail)));
    }

    [Theory]
    [InlineData(43, "entries 3..7", "")]
    [InlineData(42, "entries 3..8", "")]
    [InlineData(42, "entries 3..7", "pruned=3")]
    public void SealOf_AnotherSequenceTargetOrDetail_DiffersFromThePin(long sequence, string target, string countInstead)
    {
        var detail = countInstead.Length == 0 ? Detail : Detail.Replace("pruned=2", countInstead, StringComparison.Ordinal);

        Assert.NotEqual(PinnedSeal, Convert.ToHexStringLower(Seal(sequence, target, detail)));
    }

    [Fact]
    public void TryReadSeal_SealedDetail_GivesBackTheDetailKeyAndSealAndItsDigest()
    {
        var sealedDetail = AuditCheckpointFormat.Sealed(Detail, KeyId, Convert.FromHexString(PinnedSeal));

        Assert.True(AuditCheckpointFormat.TryReadSeal(sealedDetail, out var detail, out var keyId, out var seal));
        Assert.Equal((Detail, KeyId, PinnedSeal), (detail, keyId, Convert.ToHexStringLower(seal)));
        Assert.Equal($"{Detail}; key={KeyId:D}; seal={PinnedSeal}", sealedDetail);
        Assert.Equal(string.Concat(Enumerable.Repeat("cd", 32)), Convert.ToHexStringLower(AuditCheckpointFormat.DigestOf(sealedDetail)!));
    }

    [Fact]
    public void TryReadSeal_DetailWrittenBeforeSeals_IsUnsealed()
    {
        Assert.False(AuditCheckpointFormat.TryReadSeal(Detail, out var detail, out _, out _));
        Assert.Equal(Detail, detail);
    }

    [Theory]
    [InlineData("; key=not-a-guid; seal=" + PinnedSeal)]
    [InlineData("; key=0b8f4a52-6c2e-4f11-9d3a-5e7c1b2a9f00; seal=abc")]
    [InlineData("; key=0b8f4a52-6c2e-4f11-9d3a-5e7c1b2a9f00; seal=" + PinnedSeal + "; more")]
    public void TryReadSeal_MalformedSeal_IsSealedUnderNoKey(string suffix)
    {
        Assert.True(AuditCheckpointFormat.TryReadSeal(Detail + suffix, out _, out var keyId, out var seal));
        Assert.Equal((Guid.Empty, 0), (keyId, seal.Length));
    }

    private static byte[] Seal(long sequence, string target, string detail) =>
        AuditCheckpointFormat.SealOf([.. Enumerable.Range(1, 32).Select(i => (byte)i)], sequence, Enumerable.Repeat((byte)0xab, 32).ToArray(), target, detail);
}
