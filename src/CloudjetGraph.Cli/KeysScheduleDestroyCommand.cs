using System.CommandLine;
using CloudjetGraph.Core.Audit;
using CloudjetGraph.Core.Keys.Lifecycle;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CloudjetGraph.Cli;

/// <summary><c>keys schedule-destroy ID [--after 7d] [--yes]</c>: a disabled data key may be destroyed once the waiting period has passed.</summary>
internal static class KeysScheduleDestroyCommand
{
    public static Command Create(Func<IHost> buildHost)
    {
        var id = KeyStateCli.IdArgument();
        var after = CliDuration.Option("--after", "The waiting period; at least KeyLifecycle:MinimumDestroyDelay (default 7d), which is also the default.");
        var command = new Command(
            "schedule-destroy",
            "Schedule a disabled data key for destruction after a waiting period; it stays disabled meanwhile. Undo with `keys cancel-destroy`; `keys destroy-data` destroys it once the period has passed.")
        {
            id,
            after,
        }.WithConfirmation();
        command.SetAction((parseResult, cancellationToken) => CliVerb.RunAsync(
            parseResult,
            async token =>
            {
                var delay = CliDuration.Read(parseResult, after);
                var period = delay is { } given ? $"after {DurationText.Format(given)}" : "after KeyLifecycle:MinimumDestroyDelay";
                await CliConfirmation.RequireAsync(parseResult, $"Schedule data key {parseResult.GetValue(id)} for destruction {period}: `keys destroy-data` may then destroy it for good.", token);
                return KeyStateCli.Describe(await CliVerb.InHostAsync(
                    buildHost,
                    (services, step) => services.GetRequiredService<DataKeyLifecycle>().ScheduleDestructionAsync(OperationActor.Cli(), parseResult.GetValue(id), delay, step),
                    token));
            },
            cancellationToken));
        return command;
    }
}
