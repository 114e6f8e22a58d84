using System.CommandLine;
using System.Runtime.InteropServices;
using CloudjetGraph.Cli;

var root = new RootCommand("CloudjetGraph custodian tool. Reads the gateway's settings (appsettings.json in the working directory, environment variables).");
root.Subcommands.Add(TokenCommand.Create(() => CliHost.Build()));
root.Subcommands.Add(KeysCommand.Create(() => CliHost.Build()));
root.Subcommands.Add(AuditCommand.Create(() => CliHost.Build()));
root.Subcommands.Add(RetentionCommand.Create(() => CliHost.Build()));

// Ctrl+C or SIGTERM asks a key job to stop after its batch in flight, and it exits 3 however long
// that batch takes. System.CommandLine's own handling is off: its termination task answers 130, and
// on a loaded machine it answered before a job that had stopped as asked (KeysRekeyProcessTests).
using var stop = new CancellationTokenSource();
void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}

using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

// A command line that does not parse exits 2 (usage), not System.CommandLine's 1 (CliInvocation).
return await CliInvocation.InvokeAsync(root, args, new InvocationConfiguration { ProcessTerminationTimeout = null }, stop.Token);
