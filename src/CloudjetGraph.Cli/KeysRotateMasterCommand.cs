using System.CommandLine;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Keys;
using CloudjetGraph.Core.Keys.Lifecycle;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CloudjetGraph.Cli;

/// <summary>
/// <c>keys rotate-master [--activate-in 1d] [--rewrap-only] [--yes]</c>: a new ring key, then every
/// data key re-wrapped under it. Data Protection protects with its default key only, so the re-wrap
/// runs at once when the key is active now, and otherwise by a later <c>--rewrap-only</c> run after
/// its activation. Only data key rows change. The staging and the re-wrap are recorded as two
/// operations of the operating system user.
/// </summary>
internal static class KeysRotateMasterCommand
{
    public static Command Create(Func<IHost> buildHost)
    {
        var activateIn = CliDuration.Option("--activate-in", "Delay before the new ring key becomes the default (pre-staging); with several gateways, at least their ring refresh interval. Default 0.");
        var rewrapOnly = new Option<bool>("--rewrap-only") { Description = "Create no ring key; re-wrap the data keys under the current default key (after a pre-staged key's activation)." };
        var command = new Command("rotate-master", "Create a new ring key and re-wrap every data key under it; no profile or person key row changes.") { activateIn, rewrapOnly }.WithConfirmation();
        command.SetAction((parseResult, cancellationToken) => CliVerb.RunAsync(
            parseResult,
            async token =>
            {
                var delay = CliDuration.Read(parseResult, activateIn) ?? TimeSpan.Zero;
                var stage = !parseResult.GetValue(rewrapOnly);
                await CliConfirmation.RequireAsync(
                    parseResult,
                    !stage ? "Re-wrap every data key under the ring's current default key."
                    : delay > TimeSpan.Zero ? $"Create a ring key that becomes the default in {DurationText.Format(delay)}; the data keys stay where they are until `--rewrap-only`."
                    : "Create a ring key, the default from now, and re-wrap every data key under it.",
                    token);
                return await RotateAsync(buildHost, stage, delay, token);
            },
            cancellationToken));
        return command;
    }

    private static async Task<CliResult> RotateAsync(Func<IHost> buildHost, bool stage, TimeSpan delay, CancellationToken cancellationToken)
    {
        var lines = new List<string>();
        object? staged = null;
        if (stage)
        {
            var key = await CliVerb.InHostAsync(buildHost, (services, token) => services.GetRequiredService<MasterKeyRotation>().StageKeyAsync(OperationActor.Cli(), delay, token), cancellationToken);
            lines.Add($"Created ring key {key.KeyId}, active from {key.ActivationDate:O}.");
            staged = new { id = key.KeyId, activation = key.ActivationDate.ToUniversalTime() };
            if (delay > TimeSpan.Zero)
            {
                lines.Add("The data keys stay where they are until then; after that time run `keys rotate-master --rewrap-only`.");
                return new CliResult(string.Join(Environment.NewLine, lines), new { stagedKey = staged, rewrap = (object?)null });
            }
        }

        // A new host reads the ring afresh, so its default key is the one just created.
        MasterKeyRewrapResult result;
        try
        {
            result = await CliVerb.InHostAsync(buildHost, (services, token) => services.GetRequiredService<MasterKeyRotation>().RewrapDataKeysAsync(OperationActor.Cli(), token), cancellationToken);
        }
        catch (Exception exception) when (lines.Count > 0 && CliFailure.From(exception) is { } failure)
        {
            // The new ring key exists whatever the re-wrap did: say so, with the re-wrap's own code and exit code.
            throw new CliRefusalException(failure.ExitCode, failure.Code, $"{lines[0]} Then the re-wrap failed: {failure.Message} Run `keys rotate-master --rewrap-only` once that is mended.");
        }

        lines.Add($"Re-wrapped {result.Rewrapped} data key(s) under ring key {result.DefaultKeyId}; {result.AlreadyUnder} already under it, {result.ChangedConcurrently} changed concurrently (run again).");
        return new CliResult(
            string.Join(Environment.NewLine, lines),
            new
            {
                stagedKey = staged,
                rewrap = new { defaultKeyId = result.DefaultKeyId, rewrapped = result.Rewrapped, alreadyUnder = result.AlreadyUnder, changedConcurrently = result.ChangedConcurrently },
            });
    }
}
