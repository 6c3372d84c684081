using Cql.Engine.Core;
using Cql.Engine.Generation;
using Cql.Engine.Storage;
using Cql.Engine.Storage.Reading;
using Cql.Tests.Support;
using System.Buffers.Binary;

namespace Cql.Tests.Fuzzing;

/// <summary>
/// Damages Parquet files — bit flips, truncations, random runs, page-header bytes, 4-byte length fields at a page's
/// start, footer bytes, the footer length — and reads every column of every row group of each result the ways the
/// engine does (whole chunks, a text column under a selection, the term index's lists). Each outcome is sorted:
/// read, a located <see cref="ParquetDataException"/>, another message of ours, a raw .NET message (an
/// IndexOutOfRange, ArgumentOutOfRange, Overflow, or a codec's own InvalidData), or an exception that escaped the
/// file-damage wrapping. Seeded: file i of a run uses seed + i, so one case replays alone.
/// </summary>
public sealed class ParquetDamageFuzzer : IDisposable
{
    readonly TempDir _dir = new();

    /// <summary>The undamaged files: name and bytes.</summary>
    public List<(string Name, byte[] Bytes)> Sources { get; } = [];

    /// <summary>Outcome counts of a run, and one example of each raw or escaped kind.</summary>
    public sealed class Tally
    {
        public int Files, Read, Located, OursUnlocated, Raw, Escaped;
        public List<string> Examples { get; } = [];
        public override string ToString() =>
            $"{Files} damaged files: {Read} read, {Located} located errors, {OursUnlocated} unlocated errors of ours, {Raw} raw .NET messages, {Escaped} escaped exceptions";
    }

    const string DuckTable = """
        SELECT i::INT AS id, (i * 7919)::BIGINT AS big, CASE WHEN i % 13 = 0 THEN NULL ELSE i / 7.0 END AS x,
          (i % 3 = 0) AS flag, CASE WHEN i % 5 = 0 THEN NULL ELSE ['no','sv','de','it'][1 + (i % 4)::INT] END AS lang,
          'tekst ' || i::VARCHAR || repeat('æ', (i % 17)::INT) AS text, (i * 0.5)::FLOAT AS f, 'same' AS one
        FROM range(3000) t(i)
        """;

    /// <summary>Files from our writer (a generated corpus: every table, the term index with its lists) and from
    /// DuckDB (every codec it offers, v1 and v2 pages, delta encodings, a one-value dictionary column), and data
    /// page v2 from the test writer.</summary>
    public ParquetDamageFuzzer()
    {
        var corpus = _dir.File("corpus");
        CorpusGenerator.RunAsync(new GenerateOptions(150, corpus, 5, Speakers: 40), null, CancellationToken.None).GetAwaiter().GetResult();
        foreach (var table in new[] { "docs", "quotes", "sentences", "tokens", "quote_terms", "sentence_terms", "value_counts", "entities" })
            foreach (var f in Directory.GetFiles(Path.Combine(corpus, table), "*.parquet", SearchOption.AllDirectories))
                Sources.Add(($"cql/{table}/{Path.GetFileName(f)}", File.ReadAllBytes(f)));
        foreach (var options in new[] { "COMPRESSION snappy", "COMPRESSION zstd, PARQUET_VERSION V2", "COMPRESSION gzip",
                     "COMPRESSION uncompressed", "COMPRESSION lz4_raw", "COMPRESSION brotli", "COMPRESSION snappy, PARQUET_VERSION V2" })
        {
            var path = _dir.File($"duck-{Sources.Count}.parquet");
            Duck.Rows($"COPY ({DuckTable}) TO '{path}' (FORMAT parquet, {options}, ROW_GROUP_SIZE 1024)");
            Sources.Add(($"duckdb ({options})", File.ReadAllBytes(path)));
        }
        foreach (var codec in new[] { ParquetCodec.Zstd, ParquetCodec.Snappy, ParquetCodec.Uncompressed })
        {
            var path = _dir.File($"v2-{codec}.parquet");
            V2PageWriter.Write(path, codec, [1500, 700]);
            Sources.Add(($"v2 pages ({codec})", File.ReadAllBytes(path)));
        }
    }

    /// <summary>Damages <paramref name="files"/> files (source i % count, seed + i) and reads each.</summary>
    public Tally Run(int files, int seed, int? onlySource = null)
    {
        var tally = new Tally();
        var path = _dir.File("damaged/part-00000.parquet");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        for (int i = 0; i < files; i++)
        {
            int caseSeed = unchecked(seed + i);
            int s = onlySource ?? i % Sources.Count;
            var (name, original) = Sources[s];
            var (bytes, what) = Damage(original, new Random(caseSeed));
            File.WriteAllBytes(path, bytes);
            tally.Files++;
            string replay = $"{name}, {what} (CQL_PQ_FUZZ_SEED={caseSeed} CQL_PQ_FUZZ_FILES=1 CQL_PQ_FUZZ_SOURCE={s})";
            try
            {
                ReadAll(path);
                tally.Read++;
            }
            catch (CorpusException e) { Sort(e.InnerException, e.Message, replay, tally); }
            catch (CorpusReadException e) { Sort(e.InnerException, e.Message, replay, tally); }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                tally.Escaped++;
                if (tally.Examples.Count < 20) tally.Examples.Add($"escaped {e.GetType().Name}: {e.Message} — {replay}");
            }
        }
        return tally;
    }

    static void Sort(Exception? inner, string message, string replay, Tally tally)
    {
        if (inner is ParquetDataException p && p.Where is not null) { tally.Located++; return; }
        if (IsRaw(inner))
        {
            tally.Raw++;
            if (tally.Examples.Count < 20) tally.Examples.Add($"raw {inner!.GetType().Name}: {message} — {replay}\n{inner.StackTrace}");
            return;
        }
        tally.OursUnlocated++;
        if (tally.Examples.Count < 20) tally.Examples.Add($"unlocated: {message} — {replay}");
    }

    /// <summary>A message the user would see that .NET or a library wrote, not our reader.</summary>
    static bool IsRaw(Exception? e) => e switch
    {
        null or ParquetDataException or NotSupportedException or IOException => false,
        InvalidDataException => e.TargetSite?.Module.Assembly != typeof(FooterParser).Assembly,
        _ => true,
    };

    /// <summary>Every flat column of every row group in full, each text column again under a selection (every
    /// third row: the scan's late materialisation), and each list column as the term index reads it.</summary>
    static void ReadAll(string path)
    {
        using var reader = new ParquetFileReader(path);
        for (int g = 0; g < reader.RowGroupCount; g++)
            foreach (var column in reader.Columns)
            {
                if (column.MaxRepetitionLevel > 0) { reader.ReadInt32Lists(g, column, out _); continue; }
                reader.Read(g, column);
                if (column.Type == PhysicalType.ByteArray)
                {
                    int n = reader.RowCount(g);
                    var selection = new int[(n + 2) / 3];
                    for (int k = 0; k < selection.Length; k++) selection[k] = 3 * k;
                    reader.Read(g, column, ColumnType.String, selection);
                }
            }
    }

    static (byte[] Bytes, string What) Damage(byte[] original, Random r)
    {
        var b = (byte[])original.Clone();
        int footerLength = BinaryPrimitives.ReadInt32LittleEndian(original.AsSpan(original.Length - 8));
        int footerStart = original.Length - 8 - footerLength;
        switch (r.Next(8))
        {
            case 0:
            {
                int keep = r.Next(original.Length);
                return (b[..keep], $"truncated to {keep} bytes");
            }
            case 1:
            {
                int n = 1 + r.Next(4);
                for (int k = 0; k < n; k++) b[r.Next(4, footerStart)] ^= (byte)(1 << r.Next(8));
                return (b, $"{n} bit flips in the pages");
            }
            case 2:
            {
                int at = r.Next(4, footerStart), len = Math.Min(1 + r.Next(32), footerStart - at);
                r.NextBytes(b.AsSpan(at, len));
                return (b, $"{len} random bytes at {at}");
            }
            case 3:
            {
                int n = 1 + r.Next(3);
                for (int k = 0; k < n; k++) b[r.Next(footerStart, original.Length - 8)] = (byte)r.Next(256);
                return (b, $"{n} footer bytes overwritten");
            }
            case 4:
            {
                var pages = PageStarts(original, footerStart);
                var (header, body, _) = pages[r.Next(pages.Count)];
                int at = header + r.Next(body - header);
                b[at] = (byte)r.Next(256);
                return (b, $"page header byte {at} set to {b[at]}");
            }
            case 5:
            {
                // The 4-byte length a v1 page's levels or a plain text value starts with, or any int at a page start.
                var pages = PageStarts(original, footerStart);
                var (_, body, end) = pages[r.Next(pages.Count)];
                if (end - body < 4) goto case 1;
                int at = body + r.Next(Math.Min(end - body - 3, 16));
                int value = r.Next(3) switch { 0 => -r.Next(1, 1000), 1 => r.Next(int.MaxValue), _ => BinaryPrimitives.ReadInt32LittleEndian(b.AsSpan(at)) + r.Next(-64, 64) };
                BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(at), value);
                return (b, $"int at {at} set to {value}");
            }
            case 6:
            {
                // A varint in a page header (sizes, counts, level lengths) pushed up or down.
                var pages = PageStarts(original, footerStart);
                var (header, body, _) = pages[r.Next(pages.Count)];
                int at = header + r.Next(body - header);
                b[at] = (byte)(b[at] + r.Next(-3, 4));
                return (b, $"page header byte {at} nudged to {b[at]}");
            }
            default:
            {
                int len = r.Next(3) == 0 ? -r.Next(1, 100) : r.Next(original.Length);
                BinaryPrimitives.WriteInt32LittleEndian(b.AsSpan(original.Length - 8), len);
                return (b, $"footer length set to {len}");
            }
        }
    }

    /// <summary>Where each page of the intact file starts, where its body starts and ends (walked through the
    /// footer's chunks and the page headers).</summary>
    static List<(int Header, int Body, int End)> PageStarts(byte[] file, int footerStart)
    {
        var metadata = FooterParser.Parse(file.AsSpan(footerStart, file.Length - 8 - footerStart));
        var pages = new List<(int, int, int)>();
        foreach (var rg in metadata.RowGroups)
            foreach (var chunk in rg.Columns)
            {
                int pos = (int)chunk.Start, end = pos + (int)chunk.TotalCompressedSize;
                while (pos < end)
                {
                    var h = PageHeader.Parse(file.AsSpan(pos, end - pos), out int length);
                    pages.Add((pos, pos + length, pos + length + h.CompressedSize));
                    pos += length + h.CompressedSize;
                }
            }
        return pages;
    }

    public void Dispose() => _dir.Dispose();
}
