using CloudjetGraph.Core.Authorization;
using Microsoft.Extensions.Options;

namespace CloudjetGraph.Api.GraphQL.TrustedDocuments;

/// <summary>
/// Refuses startup on trusted-document settings that cannot work: <c>Require</c> with no manifest,
/// a manifest that does not read or verify, and <c>AllowAdHocFor</c> naming <c>anonymous</c> or a
/// role that does not exist (a typo would otherwise quietly refuse that role's documents).
/// </summary>
internal sealed class TrustedDocumentsValidation(IHostEnvironment environment, IServiceProvider services) : IValidateOptions<TrustedDocumentsOptions>
{
    private const string Section = TrustedDocumentsOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, TrustedDocumentsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Mode == TrustedDocumentMode.Require && string.IsNullOrWhiteSpace(options.ManifestPath))
        {
            failures.Add($"{Section}:ManifestPath must name the trusted documents' manifest when {Section}:Mode is Require (the default outside Development).");
        }

        if (TrustedDocumentStore.PathOf(options, environment) is { } path)
        {
            try
            {
                TrustedDocumentStore.Read(path);
            }
            catch (FormatException refusal)
            {
                failures.Add($"The manifest at '{path}' ({Section}:ManifestPath) is refused: {refusal.Message}.");
            }
        }

        foreach (var role in options.AllowAdHocFor.Where(role => !IsSignedInRole(role)))
        {
            failures.Add($"{Section}:AllowAdHocFor names '{role}', which is no role that signs in.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private bool IsSignedInRole(string role)
    {
        FieldMatrix matrix;
        try
        {
            matrix = services.GetRequiredService<FieldMatrix>();
        }
        catch (OptionsValidationException)
        {
            // The roles' own settings are wrong, and their validation names the key.
            return true;
        }

        return matrix.TryFindRole(role, out var found) && found != Role.Anonymous;
    }
}
