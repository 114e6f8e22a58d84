using System.Text;
using CloudjetGraph.Api.GraphQL.TrustedDocuments;
using CloudjetGraph.Core.Authorization;

namespace CloudjetGraph.UnitTests.GraphQL;

public sealed class TrustedDocumentRulesTests
{
    // SHA-256 of "{ __typename }", computed apart from the code under test (sha256sum).
    private const string TypenameDigest = "7f56e67dd21ab3f30d1ff8b7bed08893f0a0db86449836189b361dd1e56ddb4b";

    [Theory]
    [InlineData("sha256:" + TypenameDigest, TypenameDigest)]
    [InlineData("sha256:7F56E67DD21AB3F30D1FF8B7BED08893F0A0DB86449836189B361DD1E56DDB4B", null)]
    [InlineData(TypenameDigest, null)]
    [InlineData("SHA256:" + TypenameDigest, null)]
    [InlineData("sha256:" + TypenameDigest + "0", null)]
    [InlineData("sha256:gf56e67dd21ab3f30d1ff8b7bed08893f0a0db86449836189b361dd1e56ddb4b", null)]
    [InlineData("", null)]
    public void DigestOf_Id_DigestOnlyForSha256AndLowercaseHex(string documentId, string? digest) =>
        Assert.Equal(digest, DocumentId.DigestOf(documentId));

    [Theory]
    [InlineData(TypenameDigest)]
    [InlineData("sha256:" + TypenameDigest)]
    public void Parse_EntryKeyedByItsSha256OrItsId_FindsTheDocument(string key)
    {
        var manifest = DocumentManifest.Parse(Encoding.UTF8.GetBytes($$"""{"{{key}}":"{ __typename }"}"""));

        Assert.Equal("{ __typename }", manifest.Find(TypenameDigest));
        Assert.Null(manifest.Find(new string('0', 64)));
    }

    [Theory]
    [InlineData("""{"0000000000000000000000000000000000000000000000000000000000000000":"{ __typename }"}""", "is not the SHA-256")]
    [InlineData("""{"7F56E67DD21AB3F30D1FF8B7BED08893F0A0DB86449836189B361DD1E56DDB4B":"{ __typename }"}""", "is not the SHA-256")]
    [InlineData("""{"7f56e67dd21ab3f30d1ff8b7bed08893f0a0db86449836189b361dd1e56ddb4b":1}""", "is not a document string")]
    [InlineData("""["{ __typename }"]""", "one JSON object")]
    [InlineData("""{"7f56e67dd21ab3f30d1ff8b7bed08893f0a0db86449836189b361dd1e56ddb4b":"{ __typename }" """, "not valid JSON")]
    [InlineData("""{"a":"x","a":"x"}""", "names a key twice")]
    [InlineData("""{"sha1:7f56e67dd21ab3f30d1ff8b7bed08893f0a0db86449836189b361dd1e56ddb4b":"{ __typename }"}""", "is not the SHA-256")]
    [InlineData("""{"7f56e67dd21ab3f30d1ff8b7bed08893f0a0db86449836189b361dd1e56ddb4b":"{ __typename }","sha256:7f56e67dd21ab3f30d1ff8b7bed08893f0a0db86449836189b361dd1e56ddb4b":"{ __typename }"}""", "given twice")]
    public void Parse_BadManifest_RefusedWhole(string json, string reason)
    {
        var refusal = Assert.Throws<FormatException>(() => DocumentManifest.Parse(Encoding.UTF8.GetBytes(json)));

        Assert.Contains(reason, refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("__typename", refusal.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Off", "anonymous", true)]
    [InlineData("Allow", "anonymous", true)]
    [InlineData("Require", "anonymous", false)]
    [InlineData("Require", "owner", false)]
    [InlineData("Require", "keyCustodian", true)]
    [InlineData("Require", "KeyCustodian", false)]
    public void MaySendDocuments_ModeAndRole_OnlyRequireRefusesRolesNotNamed(string mode, string role, bool allowed) =>
        Assert.Equal(allowed, TrustedDocumentResolver.MaySendDocuments(Enum.Parse<TrustedDocumentMode>(mode), ["keyCustodian", "anonymous"], new Role(role)));
}
