using System.Globalization;
using Cql.Engine.Core;
using Cql.Engine.Storage;
using Cql.Engine.Storage.Reading;
using Cql.Tests.Support;

namespace Cql.Tests.Storage;

/// <summary>
/// Parquet that other tools wrote reads as they wrote it: DuckDB's DATE, TIMESTAMP (ms, µs, ns; UTC or local),
/// DECIMAL on INT32, INT64 and FIXED_LEN_BYTE_ARRAY, unsigned integers, UUID and BLOB, and ParquetSharp's INT96 and
/// unannotated bytes — each value held against what DuckDB (or the writer) says it is. Nested columns and
/// unsigned values beyond Int64 are refused with the file and the column named.
/// </summary>
public sealed class LogicalTypeReadTests
{
    const int Rows = 3000;

    // Every column has nulls; dictionary and plain pages both occur (few distinct dates, many distinct timestamps);
    // two row groups.
    const string Select = """
        SELECT
          CASE WHEN i % 7 = 0 THEN NULL ELSE DATE '1969-12-25' + ((i % 40) * 200)::INTEGER END AS d,
          CASE WHEN i % 5 = 0 THEN NULL ELSE TIMESTAMP '2024-03-01 10:02:00' + i * INTERVAL 1234567 MICROSECOND END AS ts_us,
          CASE WHEN i % 5 = 1 THEN NULL ELSE (TIMESTAMP '1965-03-01 10:02:00' + i * INTERVAL 77 SECOND)::TIMESTAMP_MS END AS ts_ms,
          CASE WHEN i % 5 = 2 THEN NULL ELSE (TIMESTAMP '2024-03-01 23:59:59' + i * INTERVAL 3 MICROSECOND)::TIMESTAMP_NS END AS ts_ns,
          CASE WHEN i % 5 = 3 THEN NULL ELSE TIMESTAMPTZ '2024-03-01 10:02:00+00' + i * INTERVAL 61 MINUTE END AS ts_utc,
          CASE WHEN i % 6 = 0 THEN NULL ELSE ((i * 7919) % 2000000 - 1000000)::DECIMAL(9,3) / 1000 END AS dec32,
          CASE WHEN i % 6 = 1 THEN NULL ELSE ((i * 104729) % 9000000000 - 4500000000)::DECIMAL(18,4) / 10000 END AS dec64,
          CASE WHEN i % 6 = 2 THEN NULL ELSE ((i * 15485863) % 1000000000 - 500000000)::DECIMAL(30,6) / 1000000 END AS dec_fixed,
          CASE WHEN i % 9 = 0 THEN NULL ELSE (i % 256)::UTINYINT END AS u8,
          CASE WHEN i % 9 = 1 THEN NULL ELSE (65535 - i)::USMALLINT END AS u16,
          CASE WHEN i % 9 = 2 THEN NULL ELSE (4000000000 + i)::UINTEGER END AS u32,
          CASE WHEN i % 9 = 3 THEN NULL ELSE (9000000000000000000 + i)::UBIGINT END AS u64,
          CASE WHEN i % 9 = 4 THEN NULL ELSE (i % 200 - 100)::TINYINT END AS i8,
          CASE WHEN i % 9 = 5 THEN NULL ELSE md5(i::VARCHAR)::UUID END AS id,
          CASE WHEN i % 9 = 6 THEN NULL ELSE unhex(md5(i::VARCHAR)[1:2 + i % 10 * 2]) END AS raw,
          CASE WHEN i % 9 = 7 THEN NULL ELSE 'ø' || i END AS s
        FROM range(3000) t(i)
        """;

    static string WriteDuckFile(TempDir dir)
    {
        var path = dir.File("types.parquet");
        Duck.Rows($"COPY ({Select}) TO '{path}' (FORMAT parquet, ROW_GROUP_SIZE 2048)");
        return path;
    }

    /// <summary>DuckDB's value as the text or number we give for it.</summary>
    static object? Expected(string column, object? duck) => duck switch
    {
        null => null,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        decimal m => (double)m,
        byte or ushort or uint or sbyte or short => Convert.ToInt64(duck, CultureInfo.InvariantCulture),
        ulong u => checked((long)u),
        Guid g => g.ToString("D"),
        _ => duck,
    };

    static object? Ours(ColumnVector v, int i) => v.IsNull(i) ? null : v switch
    {
        Int32Vector x => (long)x.Values[i],
        Int64Vector x => x.Values[i],
        Float64Vector x => x.Values[i],
        StringVector x => x.GetString(i).ToString(),
        _ => throw new InvalidOperationException(v.GetType().Name),
    };

    [Fact]
    public void Every_logical_type_DuckDB_writes_reads_as_DuckDB_reads_it()
    {
        using var dir = new TempDir();
        var path = WriteDuckFile(dir);
        // Bytes as DuckDB's hex (a BLOB comes back as a stream that dies with the row).
        var duck = Duck.Rows($"SELECT * EXCLUDE (ts_us, ts_ms, ts_ns, ts_utc) REPLACE ('0x' || lower(hex(raw)) AS raw) FROM read_parquet('{path}')");
        // Timestamps as DuckDB prints them in ISO form, the zone only where the file says UTC.
        var times = Duck.Rows($"""
            SET TimeZone = 'UTC';
            SELECT strftime(ts_us, '%Y-%m-%dT%H:%M:%S.%f'), strftime(ts_ms, '%Y-%m-%dT%H:%M:%S.%g'),
                   strftime(ts_ns, '%Y-%m-%dT%H:%M:%S.%n'), strftime(ts_utc, '%Y-%m-%dT%H:%M:%S.%fZ')
            FROM read_parquet('{path}')
            """);
        using var reader = new ParquetFileReader(path);
        var expectedTypes = new Dictionary<string, ColumnType>
        {
            ["d"] = ColumnType.Date, ["ts_us"] = ColumnType.String, ["ts_ms"] = ColumnType.String, ["ts_ns"] = ColumnType.String,
            ["ts_utc"] = ColumnType.String, ["dec32"] = ColumnType.Float64, ["dec64"] = ColumnType.Float64, ["dec_fixed"] = ColumnType.Float64,
            ["u8"] = ColumnType.Int32, ["u16"] = ColumnType.Int32, ["u32"] = ColumnType.Int64, ["u64"] = ColumnType.Int64,
            ["i8"] = ColumnType.Int32, ["id"] = ColumnType.String, ["raw"] = ColumnType.String, ["s"] = ColumnType.String,
        };
        foreach (var c in reader.Columns) Assert.Equal(expectedTypes[c.Name], reader.TypeOf(c));
        Assert.True(reader.RowGroupCount >= 2);
        int row0 = 0, checkedValues = 0;
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            int n = reader.RowCount(g);
            foreach (var c in reader.Columns)
            {
                var v = reader.Read(g, c);
                Assert.Equal(expectedTypes[c.Name], v.Type);
                int t = c.Name switch { "ts_us" => 0, "ts_ms" => 1, "ts_ns" => 2, "ts_utc" => 3, _ => -1 };
                int k = t >= 0 ? -1 : IndexAmongPlain(reader, c);
                for (int i = 0; i < n; i++)
                {
                    object? want = t >= 0 ? TrimZeroFraction(times[row0 + i][t] as string) : Expected(c.Name, duck[row0 + i][k]);
                    var got = Ours(v, i);
                    if (!Equals(want is long or double or null ? want : want.ToString(), got))
                        Assert.Fail($"row {row0 + i} column {c.Name}: DuckDB {want ?? "NULL"}, we read {got ?? "NULL"}");
                    checkedValues++;
                }
            }
            row0 += n;
        }
        Assert.Equal(Rows, row0);
        Assert.Equal(Rows * 16, checkedValues);
    }

    static int IndexAmongPlain(ParquetFileReader reader, ParquetColumn c)
    {
        int k = 0;
        foreach (var x in reader.Columns)
        {
            if (x.Name.StartsWith("ts_", StringComparison.Ordinal)) continue;
            if (x == c) return k;
            k++;
        }
        throw new InvalidOperationException(c.Name);
    }

    /// <summary>We write a fraction only when it is not zero.</summary>
    static string? TrimZeroFraction(string? s)
    {
        if (s is null) return null;
        int dot = s.IndexOf('.', StringComparison.Ordinal);
        int end = s.EndsWith('Z') ? s.Length - 1 : s.Length;
        for (int i = dot + 1; i < end; i++) if (s[i] != '0') return s;
        return s[..dot] + s[end..];
    }

    [Fact]
    public void The_issue_s_three_values_read_as_written()
    {
        using var dir = new TempDir();
        var path = dir.File("three.parquet");
        Duck.Rows($"COPY (SELECT DATE '2024-03-01' AS d, 4000000000::UINTEGER AS u, 12.345::DECIMAL(9,3) AS m, '\\xC3\\x28'::BLOB AS b) TO '{path}' (FORMAT parquet)");
        using var reader = new ParquetFileReader(path);
        Assert.Equal("2024-03-01", reader.Read(0, reader.Column("d")).GetString(0).ToString());
        Assert.Equal(4000000000L, reader.Read(0, reader.Column("u")).GetInt64(0));
        Assert.Equal(12.345, reader.Read(0, reader.Column("m")).GetFloat64(0));
        // Invalid UTF-8 (C3 28) is bytes, not text with U+FFFD.
        Assert.Equal("0xc328", reader.Read(0, reader.Column("b")).GetString(0).ToString());
    }

    [Fact]
    public void Spark_INT96_timestamps_and_unannotated_bytes_from_ParquetSharp()
    {
        using var dir = new TempDir();
        var path = dir.File("spark.parquet");
        var instants = new[] { new DateTime(2024, 3, 1, 10, 2, 0), new DateTime(1969, 7, 20, 20, 17, 40).AddTicks(1234567), new DateTime(2000, 1, 1) };
        var int96 = instants.Select(t =>
        {
            long nanos = (t - t.Date).Ticks * 100;
            int julian = (int)(t.Date - DateTime.UnixEpoch).TotalDays + 2440588;
            return new ParquetSharp.Int96((int)nanos, (int)(nanos >> 32), julian);
        }).ToArray();
        byte[][] blobs = [[0xff, 0x00, 0x80], [], [0x41]];
        using (var file = new ParquetSharp.ParquetFileWriter(path, [new ParquetSharp.Column<ParquetSharp.Int96>("t"), new ParquetSharp.Column<byte[]>("b")]))
        {
            using var rg = file.AppendRowGroup();
            using (var w = rg.NextColumn().LogicalWriter<ParquetSharp.Int96>()) w.WriteBatch(int96);
            using (var w = rg.NextColumn().LogicalWriter<byte[]>()) w.WriteBatch(blobs);
            file.Close();
        }
        using var reader = new ParquetFileReader(path);
        var t = reader.Read(0, reader.Column("t"));
        var b = reader.Read(0, reader.Column("b"));
        for (int i = 0; i < instants.Length; i++)
        {
            // DuckDB reads INT96 as a local timestamp too (to the microsecond; we keep the nanoseconds).
            var duck = (DateTime)Duck.Rows($"SELECT t FROM read_parquet('{path}') LIMIT 1 OFFSET {i}")[0][0]!;
            var ours = DateTime.Parse(t.GetString(i).ToString(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
            Assert.Equal(instants[i], ours);
            Assert.Equal(DateTimeKind.Unspecified, ours.Kind);
            Assert.Equal(duck, ours.AddTicks(-(ours.Ticks % 10)));
            Assert.Equal("0x" + Convert.ToHexStringLower(blobs[i]), b.GetString(i).ToString());
        }
        Assert.Equal("2024-03-01T10:02:00", t.GetString(0).ToString());
    }

    [Fact]
    public void An_unsigned_64_bit_value_beyond_Int64_is_refused_with_the_file_and_column()
    {
        using var dir = new TempDir();
        var path = dir.File("big.parquet");
        Duck.Rows($"COPY (SELECT 18446744073709551615::UBIGINT AS u) TO '{path}' (FORMAT parquet)");
        using var reader = new ParquetFileReader(path);
        var e = Assert.Throws<CorpusException>(() => reader.Read(0, reader.Column("u")));
        Assert.Contains(path, e.Message);
        Assert.Contains("18446744073709551615", e.Message);
        Assert.Contains("column u", e.Message);
    }

    [Theory]
    [InlineData("[1, 2]", "LIST")]
    [InlineData("{'a': 1, 'b': 'x'}", "STRUCT")]
    [InlineData("MAP {'k': 1}", "MAP")]
    public void A_nested_column_is_refused_by_name_and_kind_and_its_flat_neighbours_still_read(string value, string kind)
    {
        using var dir = new TempDir();
        var path = dir.File("nested.parquet");
        Duck.Rows($"COPY (SELECT 7 AS id, {value} AS n) TO '{path}' (FORMAT parquet)");
        using var reader = new ParquetFileReader(path);
        var nested = reader.Columns.First(c => c.Name == "n");
        var e = Assert.Throws<CorpusException>(() => reader.TypeOf(nested));
        Assert.Contains($"column n is a nested {kind}", e.Message);
        Assert.Contains(path, e.Message);
        Assert.Contains("form cql does not read", e.Message); // not "damaged"
        Assert.Throws<CorpusException>(() => reader.Read(0, nested, ColumnType.String));
        Assert.Equal(7, reader.Read(0, reader.Column("id")).GetInt32(0));
    }
}
