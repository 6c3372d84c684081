using Cql.Engine.Core;

namespace Cql.Repl.Interactive;

/// <summary>How the REPL shows a result: <see cref="ReplMode.Table"/> and <see cref="ReplMode.Line"/> are laid out for
/// the terminal; the other modes write an output format unabridged.</summary>
public enum ReplMode { Table, Line, Csv, Tsv, Json, Jsonl, Markdown }

/// <summary>The REPL's display settings (`:mode`, `:maxrows`, `:width`, `:pager`).</summary>
/// <param name="MaxRows">rows read and shown of a result in table and line mode; the rest are counted</param>
/// <param name="Width">columns to lay out for; 0 means the terminal's width</param>
/// <param name="Pager">whether output taller than the terminal goes through a pager</param>
public sealed record DisplaySettings(ReplMode Mode = ReplMode.Table, int MaxRows = 50, int Width = 0, bool Pager = true)
{
    /// <summary>The names `:mode` takes.</summary>
    public const string ModeNames = "table, line, csv, tsv, json, jsonl, markdown";

    /// <summary>Parses a `:mode` name (also `vertical` for line).</summary>
    public static ReplMode? ParseMode(string name) => name.ToLowerInvariant() switch
    {
        "table" => ReplMode.Table,
        "line" or "vertical" => ReplMode.Line,
        "csv" => ReplMode.Csv,
        "tsv" => ReplMode.Tsv,
        "json" => ReplMode.Json,
        "jsonl" => ReplMode.Jsonl,
        "markdown" or "md" => ReplMode.Markdown,
        _ => null,
    };

    /// <summary>The mode that shows <paramref name="format"/> (the REPL's start from --format).</summary>
    public static ReplMode FromFormat(OutputFormat format) => format switch
    {
        OutputFormat.Csv => ReplMode.Csv,
        OutputFormat.Tsv => ReplMode.Tsv,
        OutputFormat.Json => ReplMode.Json,
        OutputFormat.Jsonl => ReplMode.Jsonl,
        OutputFormat.Markdown => ReplMode.Markdown,
        _ => ReplMode.Table,
    };

    /// <summary>The output format of a mode that is not laid out by the REPL.</summary>
    public static OutputFormat ToFormat(ReplMode mode) => mode switch
    {
        ReplMode.Csv => OutputFormat.Csv,
        ReplMode.Tsv => OutputFormat.Tsv,
        ReplMode.Json => OutputFormat.Json,
        ReplMode.Jsonl => OutputFormat.Jsonl,
        ReplMode.Markdown => OutputFormat.Markdown,
        _ => OutputFormat.Table,
    };
}
