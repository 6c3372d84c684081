namespace Cql.Repl.Cli;

/// <summary>The exit codes cql promises: scripts rely on them.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    /// <summary>The query did not parse or bind.</summary>
    public const int QueryError = 1;
    /// <summary>The command line was wrong.</summary>
    public const int Usage = 2;
    /// <summary>Reading the corpus or writing output failed.</summary>
    public const int Runtime = 3;
}

/// <summary>A wrong command line: reported with the usage hint and exit code 2.</summary>
public sealed class UsageException(string message, string? command = null) : Exception(message)
{
    public string? Command { get; } = command;
}
