using CloudjetGraph.Core.Data;
using CloudjetGraph.Core.Fields;
using CloudjetGraph.Core.ProfileRecords;
using CloudjetGraph.Core.Profiles;
using Microsoft.Extensions.DependencyInjection;

namespace CloudjetGraph.IntegrationTests.Infrastructure;

/// <summary>Every profile's opened values, field by field and the password hash, through the host's own services (and its person key cache).</summary>
public static class ProfileValues
{
    public static async Task<Dictionary<Guid, Dictionary<string, string?>>> ReadAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var sealer = scope.ServiceProvider.GetRequiredService<ProfileSealer>();
        var values = new Dictionary<Guid, Dictionary<string, string?>>();
        foreach (var profile in scope.ServiceProvider.GetRequiredService<CloudjetDbContext>().Profiles.ToList())
        {
            var fields = ProfileFields.Sealed.ToDictionary(ProfileSealer.ColumnName, field => sealer.Open(profile, field));
            fields[ProfileSealer.PasswordHashColumn] = await sealer.OpenPasswordHashAsync(profile, CancellationToken.None);
            values[profile.Id] = fields;
        }

        return values;
    }
}
