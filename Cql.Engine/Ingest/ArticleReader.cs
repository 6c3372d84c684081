using Cql.Engine.Ingest.Html;
using Cql.Engine.Ingest.Warc;
using Cql.Engine.Text;
using System.IO.Compression;
using System.Text.Json;

namespace Cql.Engine.Ingest;

/// <summary>What one input file yielded: its articles, or the reason it was skipped as a whole; and each record
/// (a JSONL line, a JSON array element, a CSV row, a WARC page) that was skipped, with where it is and why, so that
/// every record is either an article or one of these — or, in a WARC file, one of <paramref name="NotPages"/>
/// (requests, metadata, non-HTML responses), which <paramref name="Notes"/> account for. Notes also say what was
/// unusual about a page (a wrong charset declaration, markup too deep or too long, a file cut off).</summary>
public sealed record FileReadResult(IReadOnlyList<RawArticle> Articles, string? SkipReason, IReadOnlyList<string> SkippedRecords, string Encoding,
    IReadOnlyList<string>? Notes = null, int NotPages = 0);

/// <summary>
/// Turns the bytes of one input file into articles, by format: .txt/.md (one article a file), .jsonl/.ndjson
/// (one a line), .json (an object or an array of objects), .csv/.tsv (one a row, with a header), .html/.htm (one a
/// page), .warc (one an HTML response); any of them gzipped (.gz). A JSON or CSV record with HTML in a field
/// html or raw_html (and no text field) is read as a page.
/// </summary>
public static class ArticleReader
{
    static readonly string[] TextFields = ["text", "body", "content", "article", "fulltext"];
    static readonly string[] TitleFields = ["title", "headline"];
    static readonly string[] DateFields = ["date", "published", "published_at", "publish_date", "pubdate", "datetime"];
    static readonly string[] UrlFields = ["url", "link", "uri"];
    static readonly string[] OutletFields = ["source", "outlet", "publisher", "site", "medium"];
    static readonly string[] LangFields = ["lang", "language", "locale"];
    static readonly string[] HtmlFields = ["html", "raw_html"];

    public static FileReadResult Read(InputFile file, ReadOnlySpan<byte> bytes)
    {
        var name = file.FullPath;
        var ext = Path.GetExtension(name).ToLowerInvariant();
        if (ext == ".gz" && WarcInput.IsWarc(name))
        {
            using var gz = new GZipStream(new MemoryStream(bytes.ToArray(), writable: false), CompressionMode.Decompress);
            return FromWarc(file, gz);
        }
        if (ext == ".gz")
        {
            var (inflated, problem) = GzipInput.Decompress(bytes);
            var inner = Read(file with { FullPath = name[..^3] }, inflated);
            return problem is null ? inner : inner with { Notes = [$"{file.Source}: {problem}", .. inner.Notes ?? []] };
        }
        switch (ext)
        {
            case ".html" or ".htm" or ".xhtml" or ".shtml":
                var page = HtmlPageReader.FromBytes(bytes, file.Source, null, null);
                var notes = page.Notes.Select(n => $"{file.Source}: {n}").ToList();
                return page.Article is { } a
                    ? new([a], null, [], a.Encoding, notes)
                    : new([], page.SkipReason, [], "", notes);
            case ".warc" or ".arc":
                return FromWarc(file, new MemoryStream(bytes.ToArray(), writable: false));
        }
        var decoded = TextDecoder.Decode(bytes);
        if (decoded.IsBinary)
            return new([], "binary file (" + (decoded.BinaryReason ?? "not text") + ")", [], decoded.Encoding);
        var skipped = new List<string>();
        List<RawArticle> articles;
        switch (ext)
        {
            case ".txt" or ".text" or ".md" or "":
                articles = string.IsNullOrWhiteSpace(decoded.Text) ? [] : [new RawArticle(file.Source, decoded.Text, decoded.Encoding)];
                if (articles.Count == 0) return new([], "empty file", [], decoded.Encoding);
                break;
            case ".jsonl" or ".ndjson":
                articles = ReadJsonLines(file, decoded, skipped);
                break;
            case ".json":
                if (!TryReadJsonDocument(file, decoded, skipped, out articles, out var notJson)) return new([], notJson, [], decoded.Encoding);
                break;
            case ".csv" or ".tsv":
                if (!TryReadCsv(file, decoded, ext == ".tsv" ? "\t" : null, skipped, out articles, out var noText)) return new([], noText, [], decoded.Encoding);
                break;
            default:
                return new([], $"unsupported file type '{ext}' (expected .txt, .md, .jsonl, .ndjson, .json, .csv, .tsv, .html, .htm or .warc, or one of them .gz)", [], decoded.Encoding);
        }
        if (articles.Count == 0 && skipped.Count == 0)
            return new([], "no articles with text", [], decoded.Encoding);
        return new(articles, null, skipped, decoded.Encoding);
    }

    static FileReadResult FromWarc(InputFile file, Stream data)
    {
        var warc = WarcFileReader.Read(file.Source, data);
        if (warc.Articles.Count == 0 && warc.SkippedRecords.Count == 0)
            return new([], WarcInput.NoPages, [], "", warc.Notes, warc.NotPages);
        return new(warc.Articles, null, warc.SkippedRecords, "warc", warc.Notes, warc.NotPages);
    }

    static List<RawArticle> ReadJsonLines(InputFile file, DecodedText decoded, List<string> skipped)
    {
        var list = new List<RawArticle>();
        int lineNo = 0;
        foreach (var line in decoded.Text.AsSpan().EnumerateLines())
        {
            lineNo++;
            if (line.IsWhiteSpace()) continue;
            try
            {
                using var doc = JsonDocument.Parse(line.ToString());
                AddFromJson(doc.RootElement, $"{file.Source}#L{lineNo}", $"{file.Source}:{lineNo}", decoded.Encoding, list, skipped);
            }
            catch (JsonException e)
            {
                skipped.Add($"{file.Source}:{lineNo}: not valid JSON ({e.Message.Split('.')[0]})");
            }
        }
        return list;
    }

    /// <summary>A file that is not JSON at all is skipped whole (false, with the reason).</summary>
    static bool TryReadJsonDocument(InputFile file, DecodedText decoded, List<string> skipped, out List<RawArticle> list, out string? notJson)
    {
        list = [];
        notJson = null;
        try
        {
            using var doc = JsonDocument.Parse(decoded.Text);
            if (doc.RootElement.ValueKind == JsonValueKind.Array)
            {
                int i = 0;
                foreach (var e in doc.RootElement.EnumerateArray())
                {
                    AddFromJson(e, $"{file.Source}#{i}", $"{file.Source}, element {i}", decoded.Encoding, list, skipped);
                    i++;
                }
            }
            else AddFromJson(doc.RootElement, file.Source, file.Source, decoded.Encoding, list, skipped);
            return true;
        }
        catch (JsonException e)
        {
            notJson = "not valid JSON: " + e.Message;
            return false;
        }
    }

    /// <param name="source">The article's docs.source.</param>
    /// <param name="where">Where the record is, for the user: file:line, file, element N or file, row N.</param>
    static void AddFromJson(JsonElement e, string source, string where, string encoding, List<RawArticle> list, List<string> skipped)
    {
        if (e.ValueKind != JsonValueKind.Object) { skipped.Add($"{where}: not a JSON object"); return; }
        string? Field(string[] names)
        {
            foreach (var p in e.EnumerateObject())
                foreach (var n in names)
                    if (string.Equals(p.Name, n, StringComparison.OrdinalIgnoreCase))
                        return p.Value.ValueKind switch
                        {
                            JsonValueKind.String => p.Value.GetString(),
                            JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => p.Value.GetRawText(),
                            _ => null,
                        };
            return null;
        }
        Add(source, where, encoding, Field(TextFields), Field(TitleFields), Field(DateFields), Field(UrlFields), Field(OutletFields), Field(LangFields),
            Field(HtmlFields), list, skipped);
    }

    /// <summary>A CSV file whose header names no text column is skipped whole (false, with the reason).</summary>
    static bool TryReadCsv(InputFile file, DecodedText decoded, string? delimiter, List<string> skipped, out List<RawArticle> list, out string? noText)
    {
        list = [];
        noText = null;
        using var csv = new CsvRecordReader(decoded.Text, delimiter?[0] ?? CsvRecordReader.DetectDelimiter(decoded.Text));
        var header = csv.Read();
        if (header is null) return true;
        int Col(string[] names)
        {
            for (int i = 0; i < header.Length; i++)
                foreach (var n in names)
                    if (string.Equals(header[i].Trim(), n, StringComparison.OrdinalIgnoreCase)) return i;
            return -1;
        }
        int text = Col(TextFields), title = Col(TitleFields), date = Col(DateFields), url = Col(UrlFields), outlet = Col(OutletFields), lang = Col(LangFields),
            html = Col(HtmlFields);
        if (text < 0 && html < 0)
        {
            noText = $"the header has no text column (one of {string.Join(", ", TextFields)}, or {string.Join(" or ", HtmlFields)} for pages); header is: {string.Join(", ", header)}";
            return false;
        }
        int row = 1;
        while (csv.Read() is { } r)
        {
            row++;
            if (r.Length == 1 && r[0].Length == 0) continue; // blank line
            string? At(int i) => i >= 0 && i < r.Length ? r[i] : null;
            Add($"{file.Source}#{row}", $"{file.Source}, row {row}", decoded.Encoding, At(text), At(title), At(date), At(url), At(outlet), At(lang), At(html), list, skipped);
        }
        return true;
    }

    static void Add(string source, string where, string encoding, string? text, string? title, string? date, string? url, string? outlet, string? lang,
        string? html, List<RawArticle> list, List<string> skipped)
    {
        if (string.IsNullOrWhiteSpace(text) && !string.IsNullOrWhiteSpace(html))
        {
            // A page in a field: its metadata under the record's own, which win.
            var given = new RawArticle(source, "", encoding, Blank(title), DateText.Normalize(date), Blank(url), Blank(outlet), Blank(lang)?.ToLowerInvariant());
            var page = HtmlPageReader.FromText(html, source, encoding, given);
            if (page.Article is { } a) list.Add(a);
            else skipped.Add($"{where}: {page.SkipReason}");
            return;
        }
        if (string.IsNullOrWhiteSpace(text)) { skipped.Add($"{where}: no text"); return; }
        // Field values went through JSON/CSV unescaping after decoding: normalise them like file text.
        list.Add(new RawArticle(source, TextDecoder.Normalize(text), encoding,
            Blank(title), DateText.Normalize(date), Blank(url), Blank(outlet), Blank(lang)?.ToLowerInvariant()));
    }

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
