using System.CommandLine;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using CloudjetGraph.Benchmarks;
using CloudjetGraph.Core.Keys.Jobs;

if (args is [KeyJobBenchmark.Verb, ..])
{
    // The key job macro benchmark, one size per process (see KeyJobBenchmark for why).
    var profiles = new Option<int>("--profiles") { Description = "Profiles to seed besides the 200 demo ones.", DefaultValueFactory = _ => 100_000 };
    var job = new Option<string>("--job") { Description = "rewrap or rekey.", Required = true };
    job.AcceptOnlyFromAmong(KeyJobKinds.Rewrap, KeyJobKinds.Rekey);
    var batch = new Option<int>("--batch") { Description = $"Rows per batch, as the Cli's --batch. Default {KeyJobRequest.DefaultBatchSize}.", DefaultValueFactory = _ => KeyJobRequest.DefaultBatchSize };
    var run = new Command(KeyJobBenchmark.Verb, "Time keys rewrap or keys rekey --all over seeded profiles (seeding once per size, cached in the temp folder).") { job, profiles, batch };
    run.SetAction(parseResult => KeyJobBenchmark.RunAsync(parseResult.GetRequiredValue(job), parseResult.GetValue(profiles), parseResult.GetValue(batch)));
    var seed = new Command("seed", "Seed the cached folder of one size (run by key-jobs in a child process).") { profiles };
    seed.SetAction(parseResult => KeyJobBenchmark.SeedAsync(parseResult.GetValue(profiles)));
    run.Subcommands.Add(seed);
    return await run.Parse(args[1..]).InvokeAsync();
}

if (args is [AuditVerifyBenchmark.Verb, ..])
{
    var entries = new Option<int>("--entries") { Description = "Audit entries to seed besides the demo data's.", DefaultValueFactory = _ => 100_000 };
    var run = new Command(AuditVerifyBenchmark.Verb, "Time audit verify over seeded entries (seeding once per size, cached in the temp folder).") { entries };
    run.SetAction(parseResult => AuditVerifyBenchmark.RunAsync(parseResult.GetValue(entries)));
    var seed = new Command("seed", "Seed the cached folder of one size (run by audit-verify in a child process).") { entries };
    seed.SetAction(parseResult => AuditVerifyBenchmark.SeedAsync(parseResult.GetValue(entries)));
    run.Subcommands.Add(seed);
    return await run.Parse(args[1..]).InvokeAsync();
}

// BenchmarkDotNet builds a copy of this project first; on a busy 2-core machine that outlasts its 2-minute default.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10)));
return 0;
