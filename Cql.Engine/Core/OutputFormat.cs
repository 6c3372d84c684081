namespace Cql.Engine.Core;

/// <summary>The formats results can be printed or exported in.</summary>
public enum OutputFormat { Table, Csv, Tsv, Json, Jsonl, Parquet, Markdown }

public static class OutputFormats
{
    public static readonly string Names = "table, csv, tsv, json, jsonl, parquet, markdown";

    public static bool TryParse(string s, out OutputFormat f)
    {
        switch (s.ToLowerInvariant())
        {
            case "table": f = OutputFormat.Table; return true;
            case "csv": f = OutputFormat.Csv; return true;
            case "tsv": f = OutputFormat.Tsv; return true;
            case "json": f = OutputFormat.Json; return true;
            case "jsonl" or "ndjson": f = OutputFormat.Jsonl; return true;
            case "parquet": f = OutputFormat.Parquet; return true;
            case "markdown" or "md": f = OutputFormat.Markdown; return true;
            default: f = default; return false;
        }
    }

    /// <summary>The file extension of a format, without the dot (a table is text: "txt").</summary>
    public static string Extension(OutputFormat f) => f switch
    {
        OutputFormat.Markdown => "md",
        OutputFormat.Table => "txt",
        _ => f.ToString().ToLowerInvariant(),
    };

    /// <summary>The export format implied by a file name, or null when the extension is not one we write.</summary>
    public static OutputFormat? FromPath(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".parquet" => OutputFormat.Parquet,
        ".csv" => OutputFormat.Csv,
        ".tsv" => OutputFormat.Tsv,
        ".jsonl" or ".ndjson" => OutputFormat.Jsonl,
        ".json" => OutputFormat.Json,
        ".md" => OutputFormat.Markdown,
        _ => null,
    };
}
