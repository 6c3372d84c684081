using System.Diagnostics;

namespace Cql.Tests.Support;

/// <summary>Runs the built `cql` executable as a user would, capturing output and exit code.</summary>
public static class CqlProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    /// <summary>The cql.dll next to the test binaries (Cql.Tests references Cql.Repl, so it is copied there).</summary>
    static string CqlDll => Path.Combine(AppContext.BaseDirectory, "cql.dll");

    public static Result Run(string? stdin, params string[] args) => Run(stdin, null, args);

    public static Result Run(string? stdin, IDictionary<string, string>? env, params string[] args) => RunIn(null, stdin, env, args);

    /// <summary>Runs cql with <paramref name="workingDirectory"/> as its current folder (null: the tests' own).</summary>
    public static Result RunIn(string? workingDirectory, string? stdin, IDictionary<string, string>? env, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory ?? "",
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardErrorEncoding = System.Text.Encoding.UTF8,
        };
        psi.ArgumentList.Add(CqlDll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        // Tests share one cache for the default corpus, apart from the user's own and from other checkouts'
        // (a cache build removes older builds, which would pull the corpus from under another checkout's tests).
        psi.Environment["CQL_CACHE_DIR"] = Path.Combine(RepoPaths.Root, ".cql-cache");
        psi.Environment["NO_COLOR"] = "1";
        if (env is not null) foreach (var (k, v) in env) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (stdin is not null) p.StandardInput.Write(stdin);
        p.StandardInput.Close();
        if (!p.WaitForExit(120_000)) { p.Kill(true); throw new TimeoutException("cql did not finish: " + string.Join(' ', args)); }
        return new Result(p.ExitCode, stdout.Result, stderr.Result);
    }
}
