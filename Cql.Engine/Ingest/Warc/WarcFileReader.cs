using Cql.Engine.Ingest.Html;

namespace Cql.Engine.Ingest.Warc;

/// <summary>What a WARC file yielded: the pages' articles, the records that were pages without an article (with
/// where and why), the records that are no pages (requests, metadata, non-HTML responses: counted), and a note that
/// accounts for every record.</summary>
public sealed record WarcReadResult(List<RawArticle> Articles, List<string> SkippedRecords, List<string> Notes, int NotPages);

/// <summary>
/// Turns a WARC file into articles: each response (or resource) record holding HTML becomes one, with the record's
/// target URI as the page's URL when the page names no canonical one (and so its outlet, when it names no site).
/// </summary>
public static class WarcFileReader
{
    public static WarcReadResult Read(string source, ReadOnlyMemory<byte> data)
    {
        var result = new WarcReadResult([], [], [], 0);
        var counts = new SortedDictionary<string, int>(StringComparer.Ordinal);
        int records = 0, pages = 0;
        var reader = new WarcRecords(data);
        foreach (var r in reader.Read())
        {
            records++;
            var where = $"{source}#{r.Index}";
            var (html, charset, whyNot) = PageOf(r);
            if (html is null)
            {
                counts[whyNot!] = counts.GetValueOrDefault(whyNot!) + 1;
                continue;
            }
            pages++;
            var page = HtmlPageReader.FromBytes(html, where, r.TargetUri, charset);
            foreach (var n in page.Notes) result.Notes.Add($"{where} ({r.TargetUri}): {n}");
            if (page.Article is { } a) result.Articles.Add(a);
            else result.SkippedRecords.Add($"{where} ({r.TargetUri}): {page.SkipReason}");
        }
        int notPages = 0;
        foreach (var c in counts.Values) notPages += c;
        var parts = new List<string> { $"{pages} HTML pages ({result.Articles.Count} with an article)" };
        foreach (var (why, n) in counts) parts.Add($"{n} {why}");
        result.Notes.Add($"{source}: {records} WARC records: {string.Join(", ", parts)}");
        if (reader.Truncated is { } cut) result.Notes.Add($"{source}: truncated: {cut}");
        return result with { NotPages = notPages };
    }

    /// <summary>The HTML a record holds with its HTTP charset, or why it holds none (the count's label).</summary>
    static (byte[]? Html, string? Charset, string? WhyNot) PageOf(WarcRecord r)
    {
        switch (r.Type.ToLowerInvariant())
        {
            case "response":
                if (HttpResponse.Parse(r.Block.Span) is not { } http) return (null, null, "responses that are not HTTP");
                if (http.Status is < 200 or >= 300) return (null, null, "responses with an HTTP status other than 2xx");
                return http.IsHtml ? (http.Body, http.Charset, null) : (null, null, "non-HTML responses");
            case "resource":
                return r.ContentType?.Contains("html", StringComparison.OrdinalIgnoreCase) == true
                    ? (r.Block.ToArray(), HttpResponse.CharsetOf(r.ContentType), null) : (null, null, "non-HTML resources");
            case "request": return (null, null, "requests");
            case "metadata": return (null, null, "metadata");
            case "warcinfo": return (null, null, "warcinfo");
            case "revisit": return (null, null, "revisits");
            default: return (null, null, "other records");
        }
    }
}
