using System.CommandLine;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Keys.Lifecycle;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CloudjetGraph.Cli;

/// <summary><c>keys schedule-destroy ID [--after 7d]</c>: a disabled data key may be destroyed once the waiting period has passed.</summary>
internal static class KeysScheduleDestroyCommand
{
    public static Command Create(Func<IHost> buildHost)
    {
        var id = KeyStateCli.IdArgument();
        var after = new Option<string?>("--after")
        {
            Description = $"The waiting period, {DurationText.Usage}; at least KeyLifecycle:MinimumDestroyDelay (default 7d), which is also the default.",
        };
        var command = new Command(
            "schedule-destroy",
            "Schedule a disabled data key for destruction after a waiting period; it stays disabled meanwhile. Undo with `keys cancel-destroy`; `keys destroy-data` destroys it once the period has passed.")
        {
            id,
            after,
        };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            TimeSpan? delay = null;
            if (parseResult.GetValue(after) is { } text)
            {
                if (!DurationText.TryParse(text, out var parsed, out var problem))
                {
                    await parseResult.InvocationConfiguration.Error.WriteLineAsync($"keys schedule-destroy: --after: {problem}");
                    return CliExitCodes.Error;
                }

                delay = parsed;
            }

            return await KeyStateCli.RunAsync(
                parseResult,
                "schedule-destroy",
                buildHost,
                async (services, token) => KeyStateCli.Describe(await services.GetRequiredService<DataKeyLifecycle>().ScheduleDestructionAsync(OperationActor.Cli(), parseResult.GetValue(id), delay, token)),
                cancellationToken);
        });
        return command;
    }
}
