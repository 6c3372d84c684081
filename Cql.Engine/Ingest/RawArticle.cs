namespace Cql.Engine.Ingest;

/// <summary>One article as read from an input, before analysis. Fields other than Text are the input's own
/// metadata (JSONL/CSV fields) and win over what detection would find.</summary>
public sealed record RawArticle(
    string Source,
    string Text,
    string Encoding,
    string? Title = null,
    string? Date = null,
    string? Url = null,
    string? Outlet = null,
    string? Lang = null);
