using Cql.Engine.Diagnostics;

namespace Cql.Engine.Execution;

/// <summary>
/// Rows a query had to set aside (a grouping past its budget, a sort beyond memory) could not be written to or read
/// from the temporary folder — a full disk, a folder without write permission. The message names the folder and the
/// system's reason (CQL0375); the CLI reports it as a runtime error (exit 3).
/// </summary>
public sealed class SpillException(string folder, IOException inner)
    : IOException(DiagnosticFacts.SpillFailed(folder, inner.Message), inner)
{
    public string Folder { get; } = folder;
}
