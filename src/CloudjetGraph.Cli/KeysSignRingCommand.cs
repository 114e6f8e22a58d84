using System.CommandLine;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Custodians;
using CloudjetGraph.Core.Protection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CloudjetGraph.Cli;

/// <summary>
/// <c>keys sign-ring [--key ID]... [--yes]</c>: the one-off migration of a certificate-protected ring
/// written before ring keys were signed (<see cref="RingSigning"/>). Without <c>--key</c> it lists
/// the files the gateway refuses; with it, signs the named keys' files, each key recorded as a
/// <see cref="CustodianOperationNames.SignRing"/> operation, refusals included. Only a custodian who
/// holds the certificate's private key can run it, and only after checking that each key is the
/// ring's own (<c>keys list</c>: the key that wraps the data keys, created when the ring was), since
/// a signed key is trusted.
/// </summary>
internal static class KeysSignRingCommand
{
    public static Command Create(Func<IHost> buildHost)
    {
        var keyOption = new Option<Guid[]>("--key")
        {
            Description = "A ring key id to sign (repeatable); only keys you know a custodian created. Without it, list what is unsigned.",
            AllowMultipleArgumentsPerToken = false,
        };
        var command = new Command("sign-ring", "List the ring files the certificate does not authenticate, or sign the named keys' files (a ring written before ring keys were signed).") { keyOption }.WithConfirmation();
        command.SetAction((parseResult, cancellationToken) => CliVerb.RunAsync(
            parseResult,
            async token =>
            {
                var keyIds = parseResult.GetValue(keyOption) ?? [];
                if (keyIds.Length == 0)
                {
                    return await CliVerb.InHostAsync(buildHost, (services, _) => Task.FromResult(ListPending(services.GetRequiredService<RingSigning>())), token);
                }

                await CliConfirmation.RequireAsync(parseResult, $"Sign the ring files of ring key(s) {string.Join(", ", keyIds)} with the ring certificate: gateways then trust them.", token);
                return await CliVerb.InHostAsync(buildHost, (services, step) => SignAsync(services, keyIds, step), token);
            },
            cancellationToken));
        return command;
    }

    private static CliResult ListPending(RingSigning signing)
    {
        var pending = signing.Pending();
        var lines = pending.Select(element => $"Unauthenticated: {element.Describe()}.").ToList();
        lines.Add(pending.Count == 0
            ? "Every ring file is signed by the ring certificate."
            : "Sign only keys a custodian created (see `keys list`): keys sign-ring --key ID. Remove any other file.");
        return new CliResult(
            string.Join(Environment.NewLine, lines),
            new { unauthenticated = pending.Select(element => new { fileName = element.FileName, kind = element.Kind, keyId = element.KeyId, hasSignature = element.HasSignature, description = element.Describe() }) });
    }

    private static async Task<CliResult> SignAsync(IServiceProvider services, Guid[] keyIds, CancellationToken cancellationToken)
    {
        var signing = services.GetRequiredService<RingSigning>();
        var log = services.GetRequiredService<OperationLog>();
        var signed = new List<UnauthenticatedRingElement>();
        foreach (var keyId in keyIds)
        {
            var target = $"ring key {keyId}";
            signed.AddRange(await log.RunAsync(
                OperationActor.Cli(),
                CustodianOperationNames.SignRing,
                target,
                _ => Task.FromResult(signing.Sign(keyId)),
                elements => new OperationSummary(target, $"Signed {elements.Count} ring file(s) with the ring certificate: {string.Join(", ", elements.Select(e => e.FileName))}."),
                cancellationToken));
        }

        return new CliResult(
            string.Join(Environment.NewLine, signed.Select(element => $"Signed {element.Kind} {element.KeyId} ({element.FileName}).")),
            new { signed = signed.Select(element => new { fileName = element.FileName, kind = element.Kind, keyId = element.KeyId }) });
    }
}
