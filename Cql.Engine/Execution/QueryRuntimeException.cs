namespace Cql.Engine.Execution;

/// <summary>
/// A query that cannot finish because of what it asks — a regular expression too slow on some row — found while the
/// rows are read. Reported like a query error (exit 1), with this message, never as a crash.
/// </summary>
public sealed class QueryRuntimeException(string message, Exception? inner = null) : Exception(message, inner);
