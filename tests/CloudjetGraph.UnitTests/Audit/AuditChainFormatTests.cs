using System.Buffers;
using CloudjetGraph.Core.Audit;

namespace CloudjetGraph.UnitTests.Audit;

/// <summary>
/// Pins the chain's encoding and link byte by byte (the expected values were computed outside .NET,
/// from docs/audit.md's table): a refactoring that changed them would break every stored chain.
/// </summary>
public sealed class AuditChainFormatTests
{
    private const string PinnedEncoding =
        "010000000000000001000001a2100088000000000772656c656173650000000a73616c65732d64656d6f0000000573616c657300000004506167650000000a322070726f66696c6573000000097375636365656465640000000000000002"
        + "000000000000000000000000000000010000001566756c6c4e616d652c70686f6e653a6d61736b6564"
        + "0000000000000000000000000000000200000005656d61696c";

    private const string PinnedLink = "552cf1ff14efecd476f6e9e56c8d640b068ca1f970d5f05d531d2dd8a0ad1fef";

    // The same release recording its purpose and, per profile, the policy version accepted (none on the second).
    private const string PinnedPurposeEncoding =
        "020000000000000001000001a2100088000000000772656c656173650000000a73616c65732d64656d6f0000000573616c657300000004506167650000000a322070726f66696c657300000009737563636565646564000000000000000d637573746f6d65722d636172650000000200"
        + "0000000000000000000000000000010000001566756c6c4e616d652c70686f6e653a6d61736b65640000000a323031392d30342d3232"
        + "0000000000000000000000000000000200000005656d61696cffffffff";

    private const string PinnedPurposeLink = "01d7199d6abc702b59b307eee563a0b91f199911af59bd60912f2b00e25dfdb2";

    // The same release as a disclosure to an authority: purpose legal-obligation, law, provision, and a hold until 2027-01-01.
    private const string PinnedDisclosureEncoding =
        "030000000000000001000001a2100088000000000772656c656173650000000a73616c65732d64656d6f0000000573616c657300000004506167650000000a322070726f66696c657300000009737563636565646564000000000000001"
        + "06c6567616c2d6f626c69676174696f6e0000000c39312f323032352f514831350000001041727469636c6520313728322928622901000001a2ce8bd400"
        + "00000002000000000000000000000000000000010000001566756c6c4e616d652c70686f6e653a6d61736b65640000000a323031392d30342d3232"
        + "0000000000000000000000000000000200000005656d61696cffffffff";

    private const string PinnedDisclosureLink = "bd660151b507d23c225e253c06c0100e383f8a9b74d182bc0251aa75fa318737";

    private static readonly DateTimeOffset HoldEnd = new(2027, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Encode_KnownEntry_IsThePinnedBytesWithProfilesInIdOrder()
    {
        var buffer = new ArrayBufferWriter<byte>();

        AuditChainFormat.Encode(buffer, Entry());

        Assert.Equal(PinnedEncoding, Convert.ToHexStringLower(buffer.WrittenSpan));
    }

    [Fact]
    public void Encode_EntryWithPurpose_IsVersionTwoWithPurposeAndPolicyVersions()
    {
        var buffer = new ArrayBufferWriter<byte>();

        AuditChainFormat.Encode(buffer, PurposeEntry("2019-04-22"));

        Assert.Equal(PinnedPurposeEncoding, Convert.ToHexStringLower(buffer.WrittenSpan));
        Assert.Equal(PinnedPurposeLink, Convert.ToHexStringLower(AuditChainFormat.Link(AuditChainFormat.Genesis, PurposeEntry("2019-04-22"))));
    }

    [Theory]
    [InlineData("purpose removed")]
    [InlineData("purpose changed")]
    [InlineData("policy version changed")]
    [InlineData("policy version removed")]
    public void Link_PurposeOrPolicyVersionChanged_IsAnotherLink(string change)
    {
        var changed = change switch
        {
            "purpose removed" => Entry(),
            "purpose changed" => PurposeEntry("2019-04-22", purpose: "account"),
            "policy version changed" => PurposeEntry("2026-01-01"),
            _ => PurposeEntry(null),
        };

        Assert.NotEqual(PinnedPurposeLink, Convert.ToHexStringLower(AuditChainFormat.Link(AuditChainFormat.Genesis, changed)));
    }

    [Fact]
    public void Encode_DisclosureUnderAHold_IsVersionThreeWithLawArticleAndHoldAfterThePurpose()
    {
        var buffer = new ArrayBufferWriter<byte>();

        AuditChainFormat.Encode(buffer, DisclosureEntry(HoldEnd));

        Assert.Equal(PinnedDisclosureEncoding, Convert.ToHexStringLower(buffer.WrittenSpan));
        Assert.Equal(PinnedDisclosureLink, Convert.ToHexStringLower(AuditChainFormat.Link(AuditChainFormat.Genesis, DisclosureEntry(HoldEnd))));
    }

    [Theory]
    [InlineData("hold lifted")]
    [InlineData("hold lengthened")]
    [InlineData("hold shortened")]
    [InlineData("article changed")]
    [InlineData("disclosure removed")]
    public void Link_DisclosureOrItsHoldChanged_IsAnotherLink(string change)
    {
        var changed = change switch
        {
            "hold lifted" => DisclosureEntry(null),
            "hold lengthened" => DisclosureEntry(HoldEnd.AddMilliseconds(1)),
            "hold shortened" => DisclosureEntry(HoldEnd.AddDays(-1)),
            "article changed" => DisclosureEntry(HoldEnd, article: "Article 17(2)(c)"),
            _ => PurposeEntry("2019-04-22", purpose: "legal-obligation"),
        };

        // Against the link this code computes, not only the pinned one: an encoding that left the hold out would pass that.
        Assert.NotEqual(AuditChainFormat.Link(AuditChainFormat.Genesis, DisclosureEntry(HoldEnd)), AuditChainFormat.Link(AuditChainFormat.Genesis, changed));
    }

    [Fact]
    public void Link_FirstEntry_IsSha256OverZerosAndTheEncoding()
    {
        Assert.Equal(PinnedLink, Convert.ToHexStringLower(AuditChainFormat.Link(AuditChainFormat.Genesis, Entry())));
    }

    [Theory]
    [InlineData("sequence")]
    [InlineData("at")]
    [InlineData("subject")]
    [InlineData("fields")]
    [InlineData("profile")]
    [InlineData("previous")]
    public void Link_AnyPartChanged_IsAnotherLink(string part)
    {
        var entry = Entry();
        var previous = new byte[AuditChainFormat.LinkLength];
        var changed = part switch
        {
            "sequence" => Entry(sequence: 2),
            "at" => Entry(at: entry.At.AddMilliseconds(1)),
            "subject" => Entry(subject: "sales-demX"),
            "fields" => Entry(fields: "fullName,phone"),
            "profile" => Entry(secondProfile: new Guid("00000000-0000-0000-0000-000000000003")),
            _ => entry,
        };
        if (part == "previous")
        {
            previous[31] = 1;
        }

        Assert.NotEqual(PinnedLink, Convert.ToHexStringLower(AuditChainFormat.Link(previous, changed)));
    }

    [Fact]
    public void Link_SubjectAndRoleBoundaryMoved_IsAnotherLink()
    {
        // Length prefixes: "ab"+"c" and "a"+"bc" never encode alike.
        var one = Entry(subject: "sales-demos", role: "ales");

        Assert.NotEqual(PinnedLink, Convert.ToHexStringLower(AuditChainFormat.Link(AuditChainFormat.Genesis, one)));
    }

    private static AuditEntry Entry(long sequence = 1, DateTimeOffset? at = null, string subject = "sales-demo", string role = "sales", string fields = "fullName,phone:masked", Guid? secondProfile = null) => new()
    {
        Sequence = sequence,
        At = at ?? new DateTimeOffset(2026, 11, 25, 0, 0, 0, TimeSpan.Zero),
        Kind = AuditEntryKinds.Release,
        ActorSubject = subject,
        ActorRole = role,
        Operation = "Page",
        Target = "2 profiles",
        Outcome = OperationOutcomes.Succeeded,
        Detail = string.Empty,
        Profiles =
        [
            new AuditEntryProfile { EntrySequence = sequence, ProfileId = secondProfile ?? new Guid("00000000-0000-0000-0000-000000000002"), Fields = "email" },
            new AuditEntryProfile { EntrySequence = sequence, ProfileId = new Guid("00000000-0000-0000-0000-000000000001"), Fields = fields },
        ],
    };

    private static AuditEntry DisclosureEntry(DateTimeOffset? confidentialUntil, string article = "Article 17(2)(b)") =>
        PurposeEntry("2019-04-22", purpose: "legal-obligation", disclosure: new AuthorityDisclosure("91/2025/QH15", article, confidentialUntil));

    private static AuditEntry PurposeEntry(string? policyVersion, string purpose = "customer-care", AuthorityDisclosure? disclosure = null)
    {
        var plain = Entry();
        return new AuditEntry
        {
            Sequence = plain.Sequence,
            At = plain.At,
            Kind = plain.Kind,
            ActorSubject = plain.ActorSubject,
            ActorRole = plain.ActorRole,
            Operation = plain.Operation,
            Target = plain.Target,
            Outcome = plain.Outcome,
            Detail = plain.Detail,
            Purpose = purpose,
            DisclosureLaw = disclosure?.Law,
            DisclosureArticle = disclosure?.Article,
            ConfidentialUntil = disclosure?.ConfidentialUntil,
            Profiles =
            [
                new AuditEntryProfile { EntrySequence = 1, ProfileId = new Guid("00000000-0000-0000-0000-000000000002"), Fields = "email" },
                new AuditEntryProfile { EntrySequence = 1, ProfileId = new Guid("00000000-0000-0000-0000-000000000001"), Fields = "fullName,phone:masked", PolicyVersion = policyVersion },
            ],
        };
    }
}
