using System.Text;
using CloudjetGraph.Core.Authorization;
using Microsoft.Extensions.Configuration;

namespace CloudjetGraph.UnitTests.Authorization;

/// <summary>
/// The "Authorization" section of src/CloudjetGraph.Api/appsettings.json, bound the way the host
/// binds it. Each call returns fresh options, so a test may break one rule without affecting others.
/// </summary>
internal static class DefaultMatrix
{
    private const string Json = """
        {
          "Authorization": {
            "RowScopes": {
              "management": "All",
              "sales": "AssignedOrganizations",
              "support": "AssignedOrganizations"
            },
            "Fields": {
              "id": { "owner": "Read", "management": "Read", "sales": "Read", "support": "Read" },
              "organization": { "owner": "Read", "management": "Read", "sales": "Read", "support": "Read" },
              "createdAt": { "owner": "Read", "management": "Read", "sales": "Read", "support": "Read" },
              "updatedAt": { "owner": "Read", "management": "Read", "sales": "Read", "support": "Read" },
              "fullName": { "owner": "Edit", "management": "Read", "sales": "Read", "support": "Read" },
              "email": { "owner": "Edit", "management": "Read", "sales": "Read", "support": "Read" },
              "department": { "owner": "Edit", "management": "Read", "sales": "Read", "support": "Read" },
              "jobTitle": { "owner": "Edit", "management": "Read", "sales": "Read", "support": "Read" },
              "phone": { "owner": "Edit", "management": "Read", "sales": "Read", "support": "Masked" },
              "skype": { "owner": "Edit", "management": "Read", "support": "Read" },
              "loginEmail": { "owner": "Read", "management": "Read", "support": "Read" },
              "consent": { "owner": "Read", "management": "Read", "support": "Read" }
            }
          }
        }
        """;

    public static AuthorizationOptions Options()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Json));
        var configuration = new ConfigurationBuilder().AddJsonStream(stream).Build();
        return configuration.GetSection(AuthorizationOptions.SectionName).Get<AuthorizationOptions>()
            ?? throw new InvalidOperationException("The Authorization section did not bind.");
    }
}
