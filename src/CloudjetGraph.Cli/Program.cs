using System.CommandLine;
using CloudjetGraph.Cli;

var root = new RootCommand("CloudjetGraph custodian tool. Reads the gateway's settings (appsettings.json in the working directory, environment variables).");
root.Subcommands.Add(TokenCommand.Create());
root.Subcommands.Add(KeysCommand.Create());
return await root.Parse(args).InvokeAsync();
