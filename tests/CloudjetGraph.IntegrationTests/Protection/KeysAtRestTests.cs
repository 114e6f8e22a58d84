using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Protection;

/// <summary>
/// The key ring protected at rest by an X.509 certificate (issue 6, item 4): ring keys never in
/// clear on disk, a ring that only its certificate opens, startup refused naming the setting when
/// the certificate cannot serve, and rings created only by the custodian's <c>keys init</c>.
/// </summary>
public sealed class KeysAtRestTests
{
    private const string ProfileQuery = "query($id: ID!) { profile(id: $id) { fullName } }";

    [Fact]
    public async Task Custodian_CreatesCertificate_WritesAnOwnerOnlyPkcs12ThatOnlyItsPasswordOpens()
    {
        using var ring = await ProductionRing.CreateAsync();

        using var certificate = X509CertificateLoader.LoadPkcs12FromFile(ring.CertificatePath!, ProductionRing.Password);

        Assert.True(certificate.HasPrivateKey);
        using var rsa = certificate.GetRSAPrivateKey();
        Assert.Equal(3072, rsa!.KeySize);
        Assert.Equal("CN=CloudjetGraph key ring (development)", certificate.Subject);
        Assert.Throws<CryptographicException>(() => X509CertificateLoader.LoadPkcs12FromFile(ring.CertificatePath!, "not the password"));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(ring.CertificatePath!));
        }
    }

    [Fact]
    public async Task Custodian_CreatesCertificateOverAnExistingFile_IsRefusedAndLeavesTheFileAsItWas()
    {
        using var ring = await ProductionRing.CreateAsync();
        var before = await File.ReadAllBytesAsync(ring.CertificatePath!);

        var (exitCode, output, error) = await Custodian.KeysAsync("certificate", "create", "--out", ring.CertificatePath!);

        Assert.Equal(1, exitCode);
        Assert.Equal(string.Empty, output);
        Assert.Contains("already exists", error, StringComparison.Ordinal);
        Assert.Equal(before, await File.ReadAllBytesAsync(ring.CertificatePath!));
    }

    [Fact]
    public async Task Custodian_CreatesCertificateWithAnUnsetPasswordVariable_IsRefusedAndWritesNothing()
    {
        var path = Path.Combine(Path.GetTempPath(), $"cloudjet-{Guid.NewGuid():N}.pfx");

        var (exitCode, _, error) = await Custodian.KeysAsync("certificate", "create", "--out", path, "--password-env", $"CLOUDJET_UNSET_{Guid.NewGuid():N}");

        Assert.Equal(2, exitCode);
        Assert.Contains("is not set", error, StringComparison.Ordinal);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public async Task Custodian_InitsWithACertificate_LeavesNoRingKeyInClearOnDisk()
    {
        using var ring = await ProductionRing.CreateAsync();

        var files = ring.Listing();

        var keyFile = Assert.Single(files).Value;
        Assert.Contains("<encryptedSecret", keyFile, StringComparison.Ordinal);
        Assert.DoesNotContain("masterKey", keyFile, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Developer_RunsTheGatewayWithACertificate_ItsDevelopmentRingHasNoKeyInClear()
    {
        var certificate = Path.Combine(Path.GetTempPath(), $"cloudjet-{Guid.NewGuid():N}.pfx");
        await Custodian.CreateCertificateAsync(certificate, ProductionRing.Password);
        try
        {
            await using var app = new CloudjetApplication()
                .With("DataProtection:CertificatePath", certificate)
                .With("DataProtection:CertificatePassword", ProductionRing.Password);
            await app.InitializeAsync();

            var keyFile = File.ReadAllText(Assert.Single(Directory.GetFiles(app.KeyRingPath)));
            Assert.Contains("<encryptedSecret", keyFile, StringComparison.Ordinal);
            Assert.DoesNotContain("masterKey", keyFile, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(certificate);
        }
    }

    [Fact]
    public async Task Management_OnAProductionHostRestartedWithItsCertificate_ReadsWhatWasWrittenBefore()
    {
        using var ring = await ProductionRing.CreateAsync();
        Guid profileId;
        await using (var first = ring.Host())
        {
            var management = first.Client(first.StaffToken(DefaultRole.Management, "management-prod"));
            var organization = (await management.PostAsync("mutation { createOrganization(input: { name: \"Công ty Lưu Khóa\" }) { id } }")).Ok();
            profileId = await first.SignUpAsync(Owners.NewInput("at-rest"), Guid.Parse(organization["createOrganization"]!["id"]!.GetValue<string>()));
        }

        await using var second = ring.Host();
        var response = await second.Client(second.StaffToken(DefaultRole.Management, "management-prod")).PostAsync(ProfileQuery, new { id = profileId });

        Assert.Equal("Trần Thị Kiểm Thử at-rest", response.Ok()["profile"]!["fullName"]!.GetValue<string>());
    }

    [Fact]
    public async Task Host_WithItsCertificateFileMissing_RefusesNamingTheSettingAndCreatesNoKey()
    {
        using var ring = await ProductionRing.CreateAsync();
        var before = ring.Listing();
        File.Delete(ring.CertificatePath!);

        await using var host = ring.Host();

        Assert.Equal(
            $"The key ring certificate '{ring.CertificatePath}' (DataProtection:CertificatePath) does not exist.",
            StartupRefusal.Of(host));
        Assert.Equal(before, ring.Listing());
    }

    [Fact]
    public async Task Host_WithAWrongCertificatePassword_RefusesNamingThePasswordSettingAndCreatesNoKey()
    {
        using var ring = await ProductionRing.CreateAsync();
        var before = ring.Listing();

        await using var host = ring.Host().With("DataProtection:CertificatePassword", "guessed");

        var refusal = StartupRefusal.Of(host);
        Assert.Contains("DataProtection:CertificatePassword", refusal, StringComparison.Ordinal);
        Assert.DoesNotContain("guessed", refusal, StringComparison.Ordinal);
        Assert.Equal(before, ring.Listing());
    }

    [Fact]
    public async Task Attacker_SwapsInTheirOwnCertificate_HostRefusesTheRingItCannotDecryptAndCreatesNoKey()
    {
        using var ring = await ProductionRing.CreateAsync();
        var before = ring.Listing();
        var theirs = Path.Combine(ring.DataDirectory, "theirs.pfx");
        await Custodian.CreateCertificateAsync(theirs, ProductionRing.Password);

        await using var host = ring.Host().With("DataProtection:CertificatePath", theirs);

        // Its keys carry the ring certificate's signature, which theirs does not verify.
        Assert.Matches(
            @"^The key ring at '.+' \(DataProtection:KeyRingPath\) is refused: the ring file 'key-[0-9a-f-]{36}\.xml' holds key [0-9a-f-]{36} whose signature the ring certificate does not verify \(signed with another certificate, or altered after signing\)\. ",
            StartupRefusal.Of(host));
        Assert.Equal(before, ring.Listing());
    }

    [Fact]
    public async Task Host_InProductionWithoutCertificateOrAllowance_RefusesNamingBothSettings()
    {
        using var ring = await ProductionRing.CreateAsync(withCertificate: false);

        await using var host = ring.Host().With("DataProtection:AllowUnprotectedKeys", "false");

        Assert.Equal(
            "Outside Development the key ring must be protected at rest: set DataProtection:CertificatePath (and DataProtection:CertificatePassword), or set DataProtection:AllowUnprotectedKeys to true to accept ring keys in clear.",
            StartupRefusal.Of(host));
    }

    [Fact]
    public async Task Management_OnAProductionHostAllowedUnprotectedKeys_IsServed()
    {
        using var ring = await ProductionRing.CreateAsync(withCertificate: false);

        await using var host = ring.Host();
        var response = await host.Client(host.StaffToken(DefaultRole.Management, "management-prod")).PostAsync("{ profiles { totalCount } }");

        Assert.Equal(0, response.Ok()["profiles"]!["totalCount"]!.GetValue<int>());
        Assert.Contains("<masterKey", Assert.Single(ring.Listing()).Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_GivenACertificateOverARingKeptInClear_RefusesTheKeysInClear()
    {
        using var ring = await ProductionRing.CreateAsync(withCertificate: false);
        var certificate = Path.Combine(ring.DataDirectory, "later.pfx");
        await Custodian.CreateCertificateAsync(certificate, ProductionRing.Password);

        await using var host = ring.Host()
            .With("DataProtection:AllowUnprotectedKeys", "false")
            .With("DataProtection:CertificatePath", certificate)
            .With("DataProtection:CertificatePassword", ProductionRing.Password);

        Assert.Contains("holds 1 key(s) in clear", StartupRefusal.Of(host), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attacker_PlantsAKeyInClearInAProtectedRing_HostRefusesToServeIt()
    {
        // A key the attacker can read, planted where it could become the ring's default and wrap
        // every data key created from then on.
        using var ring = await ProductionRing.CreateAsync();
        using var planted = await ProductionRing.CreateAsync(withCertificate: false);
        var (name, xml) = Assert.Single(planted.Listing());
        await File.WriteAllTextAsync(Path.Combine(ring.KeyRingPath, name), xml);

        await using var host = ring.Host();

        Assert.Equal(
            $"The key ring at '{ring.KeyRingPath}' (DataProtection:KeyRingPath) holds 1 key(s) in clear, which DataProtection:CertificatePath does not protect; replace them with certificate-protected keys, or set DataProtection:AllowUnprotectedKeys to true.",
            StartupRefusal.Of(host));
    }

    [Fact]
    public async Task Custodian_InitsInProductionWithoutCertificate_IsRefusedAndWritesNothing()
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "cloudjet-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        try
        {
            var (exitCode, output, error) = await Custodian.InitAsync(dataDirectory, "Production");

            Assert.Equal(1, exitCode);
            Assert.Equal(string.Empty, output);
            Assert.StartsWith("keys init: Outside Development the key ring must be protected at rest: set DataProtection:CertificatePath", error, StringComparison.Ordinal);
            Assert.Empty(Directory.EnumerateFileSystemEntries(dataDirectory));
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Theory]
    [InlineData("Authorization:Operations:createOrganization:1", "owner", "Authorization:Operations:createOrganization")]
    [InlineData("DataProtection:KeyRingPath", "", "KeyRingPath")]
    public async Task Custodian_InitsWithABadSetting_IsRefusedNamingItAndWritesNothing(string key, string value, string named)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "cloudjet-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dataDirectory);
        try
        {
            var (exitCode, output, error) = await Custodian.InitAsync(dataDirectory, "Production", ("DataProtection:AllowUnprotectedKeys", "true"), (key, value));

            Assert.Equal(1, exitCode);
            Assert.Equal(string.Empty, output);
            Assert.StartsWith("keys init: ", error, StringComparison.Ordinal);
            Assert.Contains(named, error, StringComparison.Ordinal);
            Assert.Empty(Directory.EnumerateFileSystemEntries(dataDirectory));
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task Custodian_InitsAgainOnARingThatHoldsKeys_IsRefusedAndChangesNothing()
    {
        using var ring = await ProductionRing.CreateAsync();
        var before = ring.Listing();

        var (exitCode, _, error) = await Custodian.InitAsync(
            ring.DataDirectory, "Production", ("DataProtection:CertificatePath", ring.CertificatePath!), ("DataProtection:CertificatePassword", ProductionRing.Password));

        Assert.Equal(1, exitCode);
        Assert.Contains("is not empty", error, StringComparison.Ordinal);
        Assert.Equal(before, ring.Listing());
    }

    [Fact]
    public async Task Custodian_InitsAnEmptyRingFolderForADatabaseThatHoldsKeys_IsRefusedAndCreatesNoRingKey()
    {
        using var ring = await ProductionRing.CreateAsync();
        Directory.Delete(ring.KeyRingPath, recursive: true);

        var (exitCode, _, error) = await Custodian.InitAsync(
            ring.DataDirectory, "Production", ("DataProtection:CertificatePath", ring.CertificatePath!), ("DataProtection:CertificatePassword", ProductionRing.Password));

        Assert.Equal(1, exitCode);
        Assert.Contains("already holds data keys", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(ring.KeyRingPath));
    }
}
