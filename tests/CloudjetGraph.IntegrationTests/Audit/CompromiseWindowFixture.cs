using CloudjetGraph.Core.Onboarding;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.IntegrationTests.Infrastructure;

namespace CloudjetGraph.IntegrationTests.Audit;

/// <summary>
/// A host whose stores changed around a window: before it, a profile was signed up and erased, another
/// erased whose removal record is then dropped (as an erasure before removals were recorded looks), and a
/// person-key data key rotated; inside it, a profile signed up and erased, one signed up that stays, and an
/// invitation bound to an email; after it, a profile signed up and a person-key data key rotated again.
/// </summary>
public sealed class CompromiseWindowFixture : IAsyncLifetime
{
    private const string EraseProfile = "mutation($id: ID!, $ref: String) { eraseProfile(id: $id, requestReference: $ref) { erasedProfiles } }";

    public CloudjetApplication App { get; } = new();

    public Guid ErasedBefore { get; private set; }

    public Guid ErasedUnrecorded { get; private set; }

    public Guid ErasedInside { get; private set; }

    public Guid StaysFromInside { get; private set; }

    public string StaysEmail { get; } = (string)Owners.NewInput("c-stays")["email"]!;

    public Guid Invitee { get; private set; }

    public Guid CreatedAfter { get; private set; }

    /// <summary>The profiles stored before the window that are still stored (the seeded ones).</summary>
    public List<Guid> StoredBefore { get; private set; } = [];

    public DateTimeOffset From { get; private set; }

    public DateTimeOffset To { get; private set; }

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        var settings = Custodian.DevelopmentSettingsOf(App);
        StoredBefore = App.WithDb(db => db.Profiles.Select(p => p.Id).ToList());
        ErasedBefore = await SignUpAndEraseAsync("c-before");
        ErasedUnrecorded = await SignUpAndEraseAsync("c-unrecorded");
        await App.ExecuteSqlAsync("DELETE FROM StoredRecordRemovals WHERE RecordId = @id", ("id", ErasedUnrecorded));
        await Custodian.RotateDataAsync(settings, "person-keys");

        // Instants are stamped at commit: a pause on each side keeps every change clearly in or out.
        await Task.Delay(20);
        From = DateTimeOffset.UtcNow;
        await Task.Delay(20);
        ErasedInside = await SignUpAndEraseAsync("c-inside");
        StaysFromInside = await App.SignUpAsync(Owners.NewInput("c-stays"));
        var open = App.WithDb(db => db.Invitations.Select(i => i.Id).ToList());
        await App.InviteAsync(email: "invitee.compromise@example.vn");
        Invitee = App.WithDb(db => db.Invitations.Select(i => i.Id).ToList()).Except(open).Single();
        await Task.Delay(20);
        To = DateTimeOffset.UtcNow;
        await Task.Delay(20);
        CreatedAfter = await App.SignUpAsync(Owners.NewInput("c-after"));
        await Custodian.RotateDataAsync(settings, "person-keys");
    }

    public async Task DisposeAsync() => await App.DisposeAsync();

    private async Task<Guid> SignUpAndEraseAsync(string tag)
    {
        var id = await App.SignUpAsync(Owners.NewInput(tag));
        var management = App.Client(App.StaffToken(DefaultRole.Management, "management-demo"));
        Assert.Equal(1, (await management.PostAsync(EraseProfile, new { id, @ref = "CS-2026-0301" })).Ok()["eraseProfile"]!["erasedProfiles"]!.GetValue<int>());
        return id;
    }
}
