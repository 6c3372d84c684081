using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cql.Engine.Storage;

/// <summary>
/// DIR/corpus.json: what a corpus is made of. It is the commit point of every write — part files become part of
/// the corpus only when a new manifest naming them replaces the old one (write to a temp file, then rename), so a
/// reader sees the old corpus or the new one, never a mix, and a killed ingest leaves the previous corpus whole.
/// </summary>
public sealed class CorpusManifest
{
    /// <summary>2: term indexes (quote_terms, sentence_terms) listed as tables with the rows they cover. A format-1
    /// corpus reads as before (no index: text predicates scan). 3: dates stored as Parquet DATE with a precision
    /// column beside them (docs.date_precision, statements.first_date_precision); a format-2 corpus, whose dates are
    /// text, reads as before (its precision columns read as null).</summary>
    public const int FormatVersion = 3;
    public const string FileName = "corpus.json";

    [JsonPropertyName("format_version")] public int Format { get; set; } = FormatVersion;
    [JsonPropertyName("engine_version")] public string EngineVersion { get; set; } = Cql.Engine.Core.EngineInfo.Version;
    /// <summary>Version of the extraction code (segmentation, language, quotes); a corpus built by another
    /// version is stale.</summary>
    [JsonPropertyName("extraction_version")] public int ExtractionVersion { get; set; } = Cql.Engine.Core.EngineInfo.ExtractionVersion;
    [JsonPropertyName("built_at")] public DateTimeOffset BuiltAt { get; set; } = DateTimeOffset.UtcNow;
    /// <summary>A hash over the content hashes of every document and the extraction version: names this exact corpus
    /// in export provenance.</summary>
    [JsonPropertyName("corpus_hash")] public string CorpusHash { get; set; } = "";
    [JsonPropertyName("tables")] public Dictionary<string, ManifestTable> Tables { get; set; } = new(StringComparer.Ordinal);
    [JsonPropertyName("inputs")] public List<ManifestInput> Inputs { get; set; } = [];
    [JsonPropertyName("next_ids")] public Dictionary<string, int> NextIds { get; set; } = new(StringComparer.Ordinal);


    public static string PathIn(string corpusDir) => System.IO.Path.Combine(corpusDir, FileName);

    /// <summary>Reads DIR/corpus.json; throws <see cref="CorpusException"/> with a plain message when it is missing or broken.</summary>
    public static CorpusManifest Load(string corpusDir)
    {
        var path = PathIn(corpusDir);
        if (!File.Exists(path))
            throw new CorpusException($"no corpus at '{corpusDir}': {FileName} is missing. Build one with: cql ingest INPUT... --out {corpusDir}");
        try
        {
            var m = Parse(File.ReadAllBytes(path)) ?? throw new CorpusException($"{path} is empty");
            if (m.Format > FormatVersion)
                throw new CorpusException($"{path} has format version {m.Format}; this cql reads up to {FormatVersion}. Upgrade cql.");
            return m;
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw new CorpusException($"{path} is not a valid manifest ({e.Message}); rebuild the corpus with cql ingest INPUT... --out {corpusDir} --replace");
        }
    }

    /// <summary>
    /// The manifest from its JSON, mapped by hand over <see cref="JsonTree"/>: every query opens one, and even the
    /// source-generated serializer JIT-compiled ~150 generic metadata methods first (~30 ms CPU of a 180 ms query);
    /// after that, loading System.Text.Json at all was ~13 ms of a 70 ms query. Unknown properties are ignored, as
    /// the serializer did. Writing (once per ingest) keeps the serializer.
    /// </summary>
    static CorpusManifest? Parse(byte[] json)
    {
        var root = JsonTree.Parse(json);
        if (root is null) return null;
        var m = new CorpusManifest();
        foreach (var (name, value) in Members(root))
        {
            switch (name)
            {
                case "format_version": m.Format = Number(value).Int32; break;
                case "engine_version": m.EngineVersion = Text(value) ?? ""; break;
                case "extraction_version": m.ExtractionVersion = Number(value).Int32; break;
                case "built_at":
                    m.BuiltAt = DateTimeOffset.Parse(Text(value) ?? throw new FormatException("built_at is null"), System.Globalization.CultureInfo.InvariantCulture);
                    break;
                case "corpus_hash": m.CorpusHash = Text(value) ?? ""; break;
                case "tables":
                    foreach (var (tableName, tableValue) in Members(value))
                    {
                        var table = new ManifestTable();
                        foreach (var (key, v) in Members(tableValue))
                        {
                            switch (key)
                            {
                                case "files": foreach (var f in Items(v)) table.Files.Add(Text(f) ?? ""); break;
                                case "rows": table.Rows = Number(v).Int64; break;
                                case "index_of": table.IndexOf = Text(v); break;
                                case "covered_rows": table.CoveredRows = v is null ? null : Number(v).Int64; break;
                            }
                        }
                        m.Tables[tableName] = table;
                    }
                    break;
                case "inputs":
                    foreach (var i in Items(value))
                    {
                        var input = new ManifestInput();
                        foreach (var (key, v) in Members(i))
                        {
                            switch (key)
                            {
                                case "source": input.Source = Text(v) ?? ""; break;
                                case "sha256": input.Sha256 = Text(v) ?? ""; break;
                                case "bytes": input.Bytes = Number(v).Int64; break;
                                case "docs": input.Docs = Number(v).Int32; break;
                                case "status": input.Status = Text(v) ?? "read"; break;
                                case "reason": input.Reason = Text(v); break;
                            }
                        }
                        m.Inputs.Add(input);
                    }
                    break;
                case "next_ids":
                    foreach (var (kind, v) in Members(value)) m.NextIds[kind] = Number(v).Int32;
                    break;
            }
        }
        return m;
    }

    static List<(string Name, object? Value)> Members(object? v) =>
        v as List<(string, object?)> ?? throw new FormatException("an object expected");

    static List<object?> Items(object? v) => v as List<object?> ?? throw new FormatException("an array expected");

    static JsonTree.JsonNumber Number(object? v) => v is JsonTree.JsonNumber n ? n : throw new FormatException("a number expected");

    /// <summary>A string, or null for JSON null.</summary>
    static string? Text(object? v) => v is null or string ? (string?)v : throw new FormatException("a string expected");

    /// <summary>Atomically replaces DIR/corpus.json.</summary>
    public void Save(string corpusDir)
    {
        var path = PathIn(corpusDir);
        var tmp = path + ".tmp";
        using (var fs = new FileStream(tmp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(fs, this, ManifestJson.Default.CorpusManifest);
            fs.Flush(flushToDisk: true);
        }
        File.Move(tmp, path, overwrite: true);
    }

    /// <summary>The part files of a table as absolute paths.</summary>
    public IReadOnlyList<string> FilesOf(string corpusDir, string table) =>
        Tables.TryGetValue(table, out var t) ? t.Files.ConvertAll(f => System.IO.Path.Combine(corpusDir, f)) : [];

    /// <summary>The files of a complete term index of <paramref name="table"/>, or null when it has none.</summary>
    public IReadOnlyList<string>? CompleteIndexOf(string corpusDir, string table)
    {
        foreach (var (name, t) in Tables)
            if (t.IndexOf == table && Tables.TryGetValue(table, out var source) && t.CoveredRows == source.Rows)
                return FilesOf(corpusDir, name);
        return null;
    }

    public int NextId(string kind) => NextIds.TryGetValue(kind, out var v) ? v : 0;
}

/// <summary>One table in the manifest: its part files (relative, '/'-separated) and row count.</summary>
public sealed class ManifestTable
{
    [JsonPropertyName("files")] public List<string> Files { get; set; } = [];
    [JsonPropertyName("rows")] public long Rows { get; set; }
    /// <summary>For a term index: the table it indexes.</summary>
    [JsonPropertyName("index_of")] public string? IndexOf { get; set; }
    /// <summary>For a term index: how many rows of the indexed table it covers. The index is used only when this
    /// equals the table's rows (a format-1 corpus appended to by a newer cql has an index of the new rows only).</summary>
    [JsonPropertyName("covered_rows")] public long? CoveredRows { get; set; }
}

/// <summary>One input file and what became of it.</summary>
public sealed class ManifestInput
{
    [JsonPropertyName("source")] public string Source { get; set; } = "";
    [JsonPropertyName("sha256")] public string Sha256 { get; set; } = "";
    [JsonPropertyName("bytes")] public long Bytes { get; set; }
    [JsonPropertyName("docs")] public int Docs { get; set; }
    /// <summary>read, skipped or failed.</summary>
    [JsonPropertyName("status")] public string Status { get; set; } = "read";
    [JsonPropertyName("reason")] public string? Reason { get; set; }
}

/// <summary>A corpus that cannot be opened or read; the CLI reports the message and exits with 3.</summary>
public sealed class CorpusException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The manifest's JSON, generated at build time: reflection-based serialisation cost every query ~50 ms of
/// CPU at start-up (metadata, emitted accessors, JIT) before reading a row.</summary>
[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CorpusManifest))]
internal sealed partial class ManifestJson : JsonSerializerContext;
