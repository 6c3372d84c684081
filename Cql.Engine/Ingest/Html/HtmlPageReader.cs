using Cql.Engine.Text;

namespace Cql.Engine.Ingest.Html;

/// <summary>What one page became: an article, or why it is none; and notes on what was unusual about it.</summary>
public sealed record PageResult(RawArticle? Article, string? SkipReason, IReadOnlyList<string> Notes);

/// <summary>Turns an HTML page (a file, a WARC response, a JSONL/CSV field) into a <see cref="RawArticle"/>: the
/// main text's paragraphs separated by blank lines, and the page's metadata, which the input's own fields
/// (given to FromText) override.</summary>
public static class HtmlPageReader
{
    /// <summary>Decodes and extracts a page given as bytes (a file, a WARC response with its HTTP charset).</summary>
    public static PageResult FromBytes(ReadOnlySpan<byte> bytes, string source, string? pageUrl, string? httpCharset)
    {
        var decoded = HtmlDecoder.Decode(bytes, httpCharset);
        var result = FromText(decoded.Html, source, decoded.Encoding, new RawArticle(source, "", decoded.Encoding, Url: pageUrl));
        return decoded.Note is null ? result : result with { Notes = [decoded.Note, .. result.Notes] };
    }

    /// <summary>Extracts a page already decoded; <paramref name="given"/>'s non-null fields win over the page's.</summary>
    public static PageResult FromText(string html, string source, string encoding, RawArticle given)
    {
        var page = HtmlExtractor.Extract(html, given.Url);
        if (page.Paragraphs.Count == 0)
            return new(null, page.Meta.Title is null ? "no article text in the page (no body, or an empty one)" : $"no article text in the page \"{page.Meta.Title}\"", page.Notes);
        var text = TextDecoder.Normalize(string.Join("\n\n", page.Paragraphs));
        var m = page.Meta;
        var article = new RawArticle(source, text, encoding,
            Title: given.Title ?? (m.Title is null ? null : TextDecoder.Normalize(m.Title)),
            Date: given.Date ?? m.Published?.Date,
            Url: m.Url ?? given.Url,
            Outlet: given.Outlet ?? (m.Outlet is null ? null : TextDecoder.Normalize(m.Outlet)),
            Lang: given.Lang,
            Authors: given.Authors ?? (m.Authors.Count == 0 ? null : TextDecoder.Normalize(string.Join("; ", m.Authors))),
            PublishedAt: given.PublishedAt ?? m.Published?.Moment,
            LangPrior: m.Lang);
        return new(article, null, page.Notes);
    }
}
