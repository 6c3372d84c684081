using Cql.Repl.Cli;

// The cql executable: routes to a command and turns every failure into a message and a stable exit code.
return await CliApp.RunAsync(args);
