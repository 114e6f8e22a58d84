using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Authorization;
using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Errors;
using CloudjetGraph.Core.Fields;
using CloudjetGraph.Core.Privacy;
using CloudjetGraph.Core.Profiles;
using CloudjetGraph.IntegrationTests.Infrastructure;
using CloudjetGraph.IntegrationTests.Keys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.IntegrationTests.Privacy;

/// <summary>A correction racing the owner's own edit: the version token decides, and the later writer is told.</summary>
[ProviderSensitive("compare-and-swap on the version token")]
public sealed class CorrectProfileConcurrencyTests
{
    [Fact]
    public async Task Management_CorrectsWhileTheOwnerEditsTheSameProfile_ConflictAndTheOwnersEditKept()
    {
        await using var host = new CloudjetApplication();
        await host.InitializeAsync();
        var id = await host.SignUpAsync(Owners.NewInput("correct-race"));
        var owner = host.Client(await host.LoginAsync("kiem.thu.correct-race@example.vn"));
        var interceptor = new EditAfterFirstProfileRead(async () =>
            (await owner.PostAsync("mutation { updateMyProfile(input: { jobTitle: \"Chủ hồ sơ sửa trước\" }) { id } }")).Ok());

        DomainException refusal;
        using (var scope = host.Services.CreateScope())
        {
            var options = new DbContextOptionsBuilder<CloudjetDbContext>(scope.ServiceProvider.GetRequiredService<DbContextOptions<CloudjetDbContext>>())
                .AddInterceptors(interceptor).Options;
            await using var db = new CloudjetDbContext(options);
            var editor = ActivatorUtilities.CreateInstance<ProfileEditor>(scope.ServiceProvider, db);
            var corrections = ActivatorUtilities.CreateInstance<ProfileCorrections>(scope.ServiceProvider, db, editor);
            var request = new CorrectionRequest(id.ToString(), new Dictionary<ProfileField, string?> { [ProfileField.JobTitle] = "Nhân viên sửa sau" }, "YC-9");

            refusal = await Assert.ThrowsAsync<DomainException>(() =>
                corrections.CorrectAsync(new Caller(DefaultRole.Management.AsRole(), "management-demo", new HashSet<Guid>()), request, CancellationToken.None));
        }

        Assert.True(interceptor.Fired);
        Assert.Equal(ErrorCodes.Conflict, refusal.Code);
        Assert.Equal("Chủ hồ sơ sửa trước", (await owner.PostAsync("{ me { jobTitle } }")).Ok()["me"]!["jobTitle"]!.GetValue<string>());
        var record = await PrivacyRecords.LastAsync(host, PrivacyOperationNames.CorrectProfile);
        Assert.Equal((id.ToString(), OperationOutcomes.Refused), (record.Target, record.Outcome));
    }
}
