namespace Cql.Engine.Storage.Reading;

/// <summary>A corpus file could not be read (missing, truncated, corrupt); the CLI maps it to exit code 3.</summary>
public sealed class CorpusReadException(string path, string message, Exception? inner = null)
    : Exception($"cannot read corpus file '{path}': {message}. {Advice(inner)}", inner)
{
    public string FilePath { get; } = path;

    // A codec or layout the reader does not support is not damage: saying "restore it" would send the user
    // looking for a backup of a file that is fine.
    static string Advice(Exception? inner) => inner is NotSupportedException or ParquetDataException { Unsupported: true }
        ? "The file is Parquet in a form cql does not read: rewrite it (DuckDB: COPY ... (FORMAT parquet, COMPRESSION zstd)), "
            + "or rebuild the corpus with cql ingest INPUT... --out DIR --replace"
        : "It is damaged, missing or was changed outside cql: restore it, or rebuild the corpus with cql ingest INPUT... --out DIR --replace";

    /// <summary>Exceptions that a damaged or unreadable file raises from our reader and the file system.</summary>
    internal static bool IsFileDamage(Exception e) => e is IOException or UnauthorizedAccessException or ParquetDataException
        or InvalidDataException or IndexOutOfRangeException or ArgumentOutOfRangeException or ArgumentException or OverflowException
        or NotSupportedException or InvalidOperationException;
}
