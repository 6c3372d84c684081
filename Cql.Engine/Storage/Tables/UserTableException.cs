namespace Cql.Engine.Storage.Tables;

/// <summary>What is wrong with a user's table file; each has its own error code (DiagnosticFacts).</summary>
public enum UserTableProblem
{
    /// <summary>No file or folder at the path.</summary>
    Missing,
    /// <summary>Neither .csv, .tsv nor .parquet, or a folder with none of them or with both kinds.</summary>
    UnknownKind,
    /// <summary>A CSV file with no header line.</summary>
    Empty,
    /// <summary>A header name that is empty or repeated.</summary>
    BadHeader,
    /// <summary>A row with more or fewer fields than the header.</summary>
    Ragged,
    /// <summary>Bytes that are not UTF-8.</summary>
    Encoding,
    /// <summary>A quote that is never closed, or text after a closing quote.</summary>
    Quoting,
    /// <summary>A Parquet file the reader cannot give as a flat table (a nested or unsupported column, damage).</summary>
    Parquet,
    /// <summary>The files of a folder disagree (other columns, or a column of another type).</summary>
    Mismatch,
}

/// <summary>
/// A user's table cannot be read: what is wrong, in which file, and where in it (a line from 1 for CSV, a column),
/// so the message can send the user to the very place. The binder turns it into a diagnostic with a code; found while
/// rows are read (the file changed after the query was bound), it is an I/O error like any other (exit 3).
/// </summary>
public sealed class UserTableException(UserTableProblem problem, string file, string what, long line = 0, Exception? inner = null)
    : IOException("cannot read " + Place(file, line) + ": " + what, inner)
{
    public UserTableProblem Problem { get; } = problem;
    public string FilePath { get; } = file;
    /// <summary>The line (from 1) the problem is on; 0 when it is about the whole file.</summary>
    public long Line { get; } = line;
    /// <summary>The problem without the place.</summary>
    public string What { get; } = what;

    static string Place(string file, long line) => line > 0 ? $"{file}:{line}" : file;
}
