namespace Cql.Engine.Ingest;

/// <summary>One article as read from an input, before analysis. Fields other than Text are the input's own
/// metadata (JSONL/CSV fields, an HTML page's meta tags) and win over what detection would find — except
/// LangPrior, a page's declared language, which only tips a verdict the text leaves in doubt.</summary>
public sealed record RawArticle(
    string Source,
    string Text,
    string Encoding,
    string? Title = null,
    string? Date = null,
    string? Url = null,
    string? Outlet = null,
    string? Lang = null,
    string? Authors = null,
    string? PublishedAt = null,
    string? LangPrior = null);
