using Cql.Engine.Text;
using System.Text.Json;

namespace Cql.Engine.Ingest;

/// <summary>What one input file yielded: its articles, or the reason it was skipped, plus per-record problems.</summary>
public sealed record FileReadResult(IReadOnlyList<RawArticle> Articles, string? SkipReason, IReadOnlyList<string> Warnings, string Encoding);

/// <summary>
/// Turns the bytes of one input file into articles, by format: .txt/.md (one article a file), .jsonl/.ndjson
/// (one a line), .json (an object or an array of objects), .csv/.tsv (one a row, with a header).
/// </summary>
public static class ArticleReader
{
    static readonly string[] TextFields = ["text", "body", "content", "article", "fulltext"];
    static readonly string[] TitleFields = ["title", "headline"];
    static readonly string[] DateFields = ["date", "published", "published_at", "publish_date", "pubdate", "datetime"];
    static readonly string[] UrlFields = ["url", "link", "uri"];
    static readonly string[] OutletFields = ["source", "outlet", "publisher", "site", "medium"];
    static readonly string[] LangFields = ["lang", "language", "locale"];

    public static FileReadResult Read(InputFile file, ReadOnlySpan<byte> bytes)
    {
        var ext = Path.GetExtension(file.FullPath).ToLowerInvariant();
        var decoded = TextDecoder.Decode(bytes);
        if (decoded.IsBinary)
            return new([], "binary file (" + (decoded.BinaryReason ?? "not text") + ")", [], decoded.Encoding);
        var warnings = new List<string>();
        List<RawArticle> articles;
        switch (ext)
        {
            case ".txt" or ".text" or ".md" or "":
                articles = string.IsNullOrWhiteSpace(decoded.Text) ? [] : [new RawArticle(file.Source, decoded.Text, decoded.Encoding)];
                if (articles.Count == 0) return new([], "empty file", [], decoded.Encoding);
                break;
            case ".jsonl" or ".ndjson":
                articles = ReadJsonLines(file, decoded, warnings);
                break;
            case ".json":
                articles = ReadJsonDocument(file, decoded, warnings);
                break;
            case ".csv" or ".tsv":
                articles = ReadCsv(file, decoded, ext == ".tsv" ? "\t" : null, warnings);
                break;
            default:
                return new([], $"unsupported file type '{ext}' (expected .txt, .md, .jsonl, .ndjson, .json, .csv or .tsv)", [], decoded.Encoding);
        }
        if (articles.Count == 0 && warnings.Count == 0)
            return new([], "no articles with text", [], decoded.Encoding);
        return new(articles, null, warnings, decoded.Encoding);
    }

    static List<RawArticle> ReadJsonLines(InputFile file, DecodedText decoded, List<string> warnings)
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
                AddFromJson(doc.RootElement, $"{file.Source}#L{lineNo}", decoded.Encoding, list, warnings);
            }
            catch (JsonException e)
            {
                warnings.Add($"{file.Source}:{lineNo}: not valid JSON ({e.Message.Split('.')[0]}); line skipped");
            }
        }
        return list;
    }

    static List<RawArticle> ReadJsonDocument(InputFile file, DecodedText decoded, List<string> warnings)
    {
        var list = new List<RawArticle>();
        try
        {
            using var doc = JsonDocument.Parse(decoded.Text);
            if (doc.RootElement.ValueKind == JsonValueKind.Array)
            {
                int i = 0;
                foreach (var e in doc.RootElement.EnumerateArray())
                    AddFromJson(e, $"{file.Source}#{i++}", decoded.Encoding, list, warnings);
            }
            else AddFromJson(doc.RootElement, file.Source, decoded.Encoding, list, warnings);
        }
        catch (JsonException e)
        {
            warnings.Add($"{file.Source}: not valid JSON: {e.Message}");
        }
        return list;
    }

    static void AddFromJson(JsonElement e, string source, string encoding, List<RawArticle> list, List<string> warnings)
    {
        if (e.ValueKind != JsonValueKind.Object) { warnings.Add($"{source}: not a JSON object; skipped"); return; }
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
        Add(source, encoding, Field(TextFields), Field(TitleFields), Field(DateFields), Field(UrlFields), Field(OutletFields), Field(LangFields), list, warnings);
    }

    static List<RawArticle> ReadCsv(InputFile file, DecodedText decoded, string? delimiter, List<string> warnings)
    {
        var list = new List<RawArticle>();
        using var csv = new CsvRecordReader(decoded.Text, delimiter?[0] ?? CsvRecordReader.DetectDelimiter(decoded.Text));
        var header = csv.Read();
        if (header is null) return list;
        int Col(string[] names)
        {
            for (int i = 0; i < header.Length; i++)
                foreach (var n in names)
                    if (string.Equals(header[i].Trim(), n, StringComparison.OrdinalIgnoreCase)) return i;
            return -1;
        }
        int text = Col(TextFields), title = Col(TitleFields), date = Col(DateFields), url = Col(UrlFields), outlet = Col(OutletFields), lang = Col(LangFields);
        if (text < 0)
        {
            warnings.Add($"{file.Source}: the header has no text column (one of {string.Join(", ", TextFields)}); header is: {string.Join(", ", header)}");
            return list;
        }
        int row = 1;
        while (csv.Read() is { } r)
        {
            row++;
            if (r.Length == 1 && r[0].Length == 0) continue; // blank line
            string? At(int i) => i >= 0 && i < r.Length ? r[i] : null;
            Add($"{file.Source}#{row}", decoded.Encoding, At(text), At(title), At(date), At(url), At(outlet), At(lang), list, warnings);
        }
        return list;
    }

    static void Add(string source, string encoding, string? text, string? title, string? date, string? url, string? outlet, string? lang,
        List<RawArticle> list, List<string> warnings)
    {
        if (string.IsNullOrWhiteSpace(text)) { warnings.Add($"{source}: no text; record skipped"); return; }
        // Field values went through JSON/CSV unescaping after decoding: normalise them like file text.
        list.Add(new RawArticle(source, TextDecoder.Normalize(text), encoding,
            Blank(title), DateText.Normalize(date), Blank(url), Blank(outlet), Blank(lang)?.ToLowerInvariant()));
    }

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
