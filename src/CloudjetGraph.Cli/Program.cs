using System.CommandLine;
using CloudjetGraph.Cli;

var root = new RootCommand("CloudjetGraph custodian tool. Reads the gateway's settings (appsettings.json in the working directory, environment variables).");
root.Subcommands.Add(TokenCommand.Create());
root.Subcommands.Add(KeysCommand.Create(() => CliHost.Build()));

// Ctrl+C cancels a key job, which stops after its batch in flight and exits 3; the default grace
// of 2 seconds would end the process under a long batch with 130 instead.
return await root.Parse(args).InvokeAsync(new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromMinutes(5) });
