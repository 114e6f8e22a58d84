using System.Buffers.Binary;
using CloudjetGraph.Core.Accounts;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.IntegrationTests.Authentication;

/// <summary>
/// The gateway hashes passwords at the production cost, which test hosts lower
/// (<see cref="CloudjetApplication.TestPasswordIterations"/>); the decoy an unknown email is
/// verified against costs what the configured hasher costs.
/// </summary>
public sealed class PasswordHashingTests
{
    private const int ProductionIterations = 210_000;

    // Identity's version 3 format: 0x01, then the PRF, the iteration count and the salt length, each a big-endian uint.
    private const uint Pbkdf2Sha512 = 2;

    [Fact]
    public async Task Gateway_WithItsOwnSettings_HashesWithPbkdf2Sha512At210000IterationsAndSoDoesTheDecoy()
    {
        await using var app = new CloudjetApplication { ProductionPasswordHashing = true };
        await app.InitializeAsync();

        var options = app.Services.GetRequiredService<IOptions<PasswordHasherOptions>>().Value;
        Assert.Equal(PasswordHasherCompatibilityMode.IdentityV3, options.CompatibilityMode);
        Assert.Equal(ProductionIterations, options.IterationCount);
        var hash = app.Services.GetRequiredService<IPasswordHasher<Profile>>().HashPassword(null!, "correct horse battery staple");
        Assert.Equal((Pbkdf2Sha512, ProductionIterations), Header(hash));
        Assert.Equal((Pbkdf2Sha512, ProductionIterations), Header(app.Services.GetRequiredService<DecoyPasswordHash>().Value));
    }

    [Fact]
    public async Task TestHost_WithLowerIterations_DecoyFollowsTheConfiguredCost()
    {
        await using var app = new CloudjetApplication();
        await app.InitializeAsync();

        Assert.Equal((Pbkdf2Sha512, CloudjetApplication.TestPasswordIterations), Header(app.Services.GetRequiredService<DecoyPasswordHash>().Value));
    }

    private static (uint Prf, int Iterations) Header(string hash)
    {
        var bytes = Convert.FromBase64String(hash);
        Assert.Equal(0x01, bytes[0]);
        return (BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(1)), (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5)));
    }
}
