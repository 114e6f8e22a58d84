using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.Protection;
using Microsoft.Extensions.Configuration;

namespace CloudjetGraph.UnitTests.Protection;

/// <summary>Which token settings may serve: labels required, and the PIN from the environment only, never quoted.</summary>
public sealed class RingTokenSettingsTests : IDisposable
{
    private const string Pin = "1234-unit-pin";
    private readonly string _directory = Directory.CreateTempSubdirectory("cloudjet-token-settings-").FullName;

    [Fact]
    public void Load_NoModule_IsNotConfiguredAndServes()
    {
        var token = RingToken.Load(new ConfigurationBuilder().Build());

        Assert.False(token.IsConfigured);
        token.ThrowIfUnusable();
    }

    [Fact]
    public void Load_PinInASettingsFile_RefusesNamingTheFileAndTheVariableWithoutThePin()
    {
        var file = Path.Combine(_directory, "appsettings.json");
        File.WriteAllText(file, $$"""{ "DataProtection": { "Pkcs11": { "Module": "/nowhere/module.so", "TokenLabel": "t", "KeyLabel": "k", "Pin": "{{Pin}}" } } }""");

        var token = RingToken.Load(new ConfigurationBuilder().AddJsonFile(file).Build());

        var refusal = Assert.Throws<KeyRingUnavailableException>(token.ThrowIfUnusable);
        Assert.Equal("The token PIN (DataProtection:Pkcs11:Pin) is set in the settings file 'appsettings.json'; remove it there and set the environment variable DataProtection__Pkcs11__Pin instead.", refusal.Message);
    }

    [Fact]
    public void Load_EmptyPinInASettingsFileAndThePinFromTheEnvironment_IsNotRefusedForThePin()
    {
        var file = Path.Combine(_directory, "appsettings.json");
        File.WriteAllText(file, """{ "DataProtection": { "Pkcs11": { "Module": "/nowhere/module.so", "TokenLabel": "t", "KeyLabel": "k", "Pin": "" } } }""");
        var configuration = new ConfigurationBuilder().AddJsonFile(file).AddInMemoryCollection([new("DataProtection:Pkcs11:Pin", Pin)]).Build();

        var refusal = Assert.Throws<KeyRingUnavailableException>(RingToken.Load(configuration).ThrowIfUnusable);

        // It goes on to load the module, which does not exist: refused for that, naming the setting.
        Assert.StartsWith("The PKCS#11 token 't' through '/nowhere/module.so' (DataProtection:Pkcs11) cannot be used", refusal.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Pin, refusal.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ModuleWithoutPin_RefusesNamingTheVariable()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([
            new("DataProtection:Pkcs11:Module", "/nowhere/module.so"), new("DataProtection:Pkcs11:TokenLabel", "t"), new("DataProtection:Pkcs11:KeyLabel", "k")]).Build();

        var refusal = Assert.Throws<KeyRingUnavailableException>(RingToken.Load(configuration).ThrowIfUnusable);

        Assert.Equal("DataProtection:Pkcs11:Module is set, but the token PIN is not: set the environment variable DataProtection__Pkcs11__Pin.", refusal.Message);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
