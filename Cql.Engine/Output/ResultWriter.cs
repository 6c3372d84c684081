using Cql.Engine.Execution;
using Cql.Engine.Storage.Writing;
using System.Text;
using System.Text.Json;

namespace Cql.Engine.Output;

/// <summary>Writes a result stream in a format: to a stream (the screen, stdout) or atomically to a file.</summary>
public static class ResultWriter
{
    static readonly UTF8Encoding Utf8NoBom = new(false);

    /// <summary>Writes every row (tables: the first style.MaxRows) to <paramref name="output"/>; returns the row count.
    /// Parquet cannot go to a text stream: use <see cref="Export"/>. CSV lines end in LF, or CR LF when
    /// <paramref name="crlf"/> (RFC 4180).</summary>
    public static long Write(IBatchStream rows, OutputFormat format, Stream output, TableStyle style, CancellationToken ct, bool crlf = false)
    {
        switch (format)
        {
            case OutputFormat.Json or OutputFormat.Jsonl:
                return JsonWriter.Write(rows, output, format == OutputFormat.Jsonl, ct);
            case OutputFormat.Parquet:
                throw new InvalidOperationException("parquet output needs a file");
            default:
                using (var w = new StreamWriter(output, Utf8NoBom, 1 << 16, leaveOpen: true))
                {
                    var n = format switch
                    {
                        OutputFormat.Csv => DelimitedWriter.Write(rows, w, tsv: false, crlf, ct),
                        OutputFormat.Tsv => DelimitedWriter.Write(rows, w, tsv: true, crlf: false, ct),
                        OutputFormat.Markdown => TableRenderer.Write(rows, w, style with { Markdown = true }, ct),
                        _ => TableRenderer.Write(rows, w, style, ct),
                    };
                    w.Flush();
                    return n;
                }
        }
    }

    /// <summary>
    /// Writes the whole result to <paramref name="path"/>. A regular file (or a new one) is written through a
    /// temporary file in the same folder, renamed over the target only when complete: a failing query never touches
    /// an existing file; Parquet carries the provenance in its footer, other formats get PATH.meta.json beside them.
    /// A pipe or a character device (a FIFO, /dev/null, /dev/stdout, a shell's /dev/fd/N) is written straight
    /// through, with no temporary file, rename or sidecar: replacing it would destroy it and starve its reader.
    /// A link is followed: the file it points to is replaced, not the link. A folder or any other kind of file is
    /// refused with an <see cref="IOException"/>.
    /// </summary>
    public static long Export(IBatchStream rows, string path, OutputFormat format, Provenance provenance, CancellationToken ct, bool crlf = false)
    {
        if (format == OutputFormat.Parquet)
        {
            var (full, through) = Target(path);
            return ExportParquet(rows, full, through, provenance, ct);
        }
        return WriteFile(path, provenance, stream => Write(rows, format, stream, Unabridged, ct, crlf), ct);
    }

    /// <summary>
    /// Writes a file by the rules of <see cref="Export"/>: <paramref name="write"/> fills a temporary file beside a
    /// regular (or new) file, renamed over it when complete, with PATH.meta.json from the provenance and the count
    /// <paramref name="write"/> returns; a pipe or character device is written straight through. A chart image goes
    /// out this way too.
    /// </summary>
    public static long WriteFile(string path, Provenance provenance, Func<Stream, long> write, CancellationToken ct)
    {
        var (full, through) = Target(path);
        if (through)
        {
            using var fs = PassThroughFile.Open(full, ct);
            var count = write(fs);
            fs.Flush();
            return count;
        }
        var tmp = Path.Combine(Path.GetDirectoryName(full) ?? ".", $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            long n;
            using (var fs = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            {
                n = write(fs);
                fs.Flush(flushToDisk: true);
            }
            WriteSidecar(full, provenance, n);
            File.Move(tmp, full, overwrite: true);
            return n;
        }
        finally
        {
            if (File.Exists(tmp)) File.Delete(tmp);
        }
    }

    /// <summary>The file an export writes (a link followed to what it names) and whether it is a pipe or device,
    /// written straight through; a folder, a missing folder or any other kind of file is refused.</summary>
    static (string Full, bool Through) Target(string path)
    {
        var full = Path.GetFullPath(path);
        var kind = FileKinds.Of(full);
        if (kind == FileKind.Directory) throw new IOException($"cannot export to '{path}': it is a folder; give a file name");
        if (kind == FileKind.Other) throw new IOException($"cannot export to '{path}': it is neither a regular file nor a pipe or character device");
        var dir = Path.GetDirectoryName(full) ?? ".";
        if (!Directory.Exists(dir)) throw new IOException($"cannot export to '{path}': folder '{dir}' does not exist");
        // A link to a regular file: the file it points to is replaced, and the link stays a link.
        if (kind == FileKind.RegularFile && File.ResolveLinkTarget(full, returnFinalTarget: true) is { } target) full = target.FullName;
        return (full, FileKinds.IsStream(kind));
    }

    /// <summary>The table with every row and every character (a file is read, not looked at through a window).</summary>
    public static readonly TableStyle Unabridged = new(MaxRows: int.MaxValue, Width: int.MaxValue, MaxCellWidth: int.MaxValue);

    static long ExportParquet(IBatchStream rows, string full, bool through, Provenance provenance, CancellationToken ct)
    {
        var cols = new List<ColumnSchema>();
        foreach (var c in rows.Columns) cols.Add(new ColumnSchema(c.Name, c.Type, Nullable: true, ""));
        // A date is written as a Parquet DATE (the period's first day); its precision goes beside it, as in a corpus,
        // unless the result already carries that column.
        var precisionOf = new List<(int Date, int Precision)>();
        int resultColumns = cols.Count;
        for (int c = 0; c < resultColumns; c++)
            if (cols[c].Type == ColumnType.Date && !cols.Exists(x => x.Name == DatePrecision.ColumnOf(cols[c].Name)))
            {
                precisionOf.Add((c, cols.Count));
                cols.Add(new ColumnSchema(DatePrecision.ColumnOf(cols[c].Name), ColumnType.String, Nullable: true, ""));
            }
        var schema = new TableSchema("result", "query result", cols);
        var writer = new TableWriter(schema, Path.GetDirectoryName(full)!, "", exactPath: full, metadata: provenance.ToDictionary(), writeThrough: through);
        long n = 0;
        try
        {
            while (rows.MoveNext(ct))
            {
                var b = rows.Current;
                for (int r = 0; r < b.RowCount; r++)
                {
                    foreach (var (date, precision) in precisionOf)
                        writer.String(precision, b.Columns[date].IsNull(r) ? null : DatePrecision.Of(b.Columns[date].GetString(r).ToString()));
                    for (int c = 0; c < resultColumns; c++)
                    {
                        var v = b.Columns[c];
                        if (v.IsNull(r)) { writer.Null(c); continue; }
                        switch (cols[c].Type)
                        {
                            case ColumnType.Int32: writer.Int32(c, v.GetInt32(r)); break;
                            case ColumnType.Int64: writer.Int64(c, v.GetInt64(r)); break;
                            case ColumnType.Float64: writer.Float64(c, v.GetFloat64(r)); break;
                            case ColumnType.Bool: writer.Bool(c, v.GetBool(r)); break;
                            default: writer.String(c, v.GetString(r).ToString()); break;
                        }
                    }
                    writer.EndRowAsync(ct).AsTask().GetAwaiter().GetResult();
                    n++;
                }
            }
            writer.CompleteAsync(writeEmptyFile: true, ct).GetAwaiter().GetResult();
            return n;
        }
        finally
        {
            writer.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    static void WriteSidecar(string full, Provenance p, long rows)
    {
        var meta = p.ToDictionary();
        meta["cql.rows"] = rows.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var tmp = full + ".meta.json.tmp";
        File.WriteAllText(tmp, JsonSerializer.Serialize(meta, new JsonSerializerOptions { WriteIndented = true }));
        File.Move(tmp, full + ".meta.json", overwrite: true);
    }
}
