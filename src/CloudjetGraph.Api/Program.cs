using CloudjetGraph.Api.Authentication;
using CloudjetGraph.Api.GraphiQL;
using CloudjetGraph.Api.GraphQL;
using CloudjetGraph.Api.Health;
using CloudjetGraph.Api.Hosting;
using CloudjetGraph.Api.Http;
using CloudjetGraph.Api.Telemetry;
using CloudjetGraph.Core;

// A bad setting or an unusable key ring ends the process with one line naming it, not a stack trace.
StartupRefusal.ExitWithOneLineWhenUnhandled();

var builder = WebApplication.CreateBuilder(args);

// Request lines carry the query string, and a GET query can carry personal values: never log them.
builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);

// Data, keys, the field matrix and accounts: shared with the custodian CLI.
builder.Services.AddCloudjetCore(builder.Configuration);

// Bearer tokens: the gateway's own (owners, development staff) and optionally the company IdP's.
builder.Services.AddCloudjetAuthentication();

// The schema, its limits and GraphQL over HTTP.
builder.Services.AddCloudjetGraphQL();

// GraphiQL for frontend teams: always in Development, elsewhere only when a setting asks.
builder.Services.AddCloudjetGraphiQL();

// The client's address from X-Forwarded-For, only from the reverse proxies listed in settings.
builder.Services.AddCloudjetForwardedHeaders();

// Security headers on every response, no Server header, and CORS only for origins in settings.
builder.Services.AddCloudjetHttpHardening();

// Liveness and readiness for load balancers and orchestrators: the stores answer and a canary
// seals and opens through the key hierarchy.
builder.Services.AddCloudjetHealth();

// Traces per GraphQL operation and metrics, without personal values; OTLP export by setting.
builder.Services.AddCloudjetTelemetry(builder.Configuration);

var app = builder.Build();

// Check settings and the key ring before anything is written, migrate, and seed demo data in Development.
// A refused start first releases what the services hold (a PKCS#11 token's session).
try
{
    await app.Services.InitializeCloudjetAsync();
}
catch
{
    await app.DisposeAsync();
    throw;
}

// Before anything reads the client's address: rate limits, the trail, telemetry.
app.UseCloudjetForwardedHeaders();

// So that every answer carries the headers, refusals and preflights included.
app.UseCloudjetHttpHardening();

// A bearer token that fails validation gets 401 (RFC 6750); no token at all stays anonymous.
app.UseCloudjetAuthentication();
app.MapCloudjetGraphQL("/graphql");
app.MapCloudjetGraphiQL("/graphql/ui");
app.MapCloudjetHealth();

await app.RunAsync();
