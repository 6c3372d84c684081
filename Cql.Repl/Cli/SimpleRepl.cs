using Cql.Engine.Session;

namespace Cql.Repl.Cli;

/// <summary>
/// The interactive loop on a terminal: a prompt, statements that continue while a line ends with '|',
/// errors that never end the session. (Line editing, history and completion come with the REPL issue.)
/// </summary>
public static class SimpleRepl
{
    public static int Run(CqlSession session, QueryCommand.RunOptions o, TextWriter stdout, TextWriter stderr)
    {
        stdout.WriteLine($"cql — corpus {session.CorpusDir} ({session.Manifest.Tables.GetValueOrDefault("docs")?.Rows ?? 0} docs). Type a query, :quit to leave.");
        var buffer = new System.Text.StringBuilder();
        while (true)
        {
            stdout.Write(buffer.Length == 0 ? "cql> " : "...> ");
            var line = Console.ReadLine();
            if (line is null) { stdout.WriteLine(); return ExitCodes.Ok; }
            if (buffer.Length == 0 && line.Trim() is ":quit" or ":q" or ":exit") return ExitCodes.Ok;
            buffer.AppendLine(line);
            if (line.TrimEnd().EndsWith('|')) continue;
            var text = buffer.ToString();
            buffer.Clear();
            if (string.IsNullOrWhiteSpace(text)) continue;
            using var cts = new CancellationTokenSource();
            ConsoleCancelEventHandler cancel = (_, e) => { e.Cancel = true; cts.Cancel(); };
            Console.CancelKeyPress += cancel;
            try { QueryCommand.RunScript(session, text, o with { KeepGoing = true }, stdout, stderr, cts.Token); }
            catch (OperationCanceledException) { stderr.WriteLine("cancelled"); }
            finally { Console.CancelKeyPress -= cancel; }
        }
    }
}
