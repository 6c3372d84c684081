using Cql.Engine.Core;
using Cql.Engine.Planning;
using Cql.Engine.Storage;
using Cql.Engine.Storage.Reading;
using Cql.Engine.Storage.Writing;
using Cql.Tests.Support;
using System.Text;

namespace Cql.Tests.Execution;

/// <summary>
/// Text is ordered by code point (the order of UTF-8 bytes), as DuckDB orders it and as Parquet's statistics are
/// written: comparisons, `order by`, min and max must agree with DuckDB on text that mixes characters above U+FFFF
/// with U+E000–U+FFFF, where .NET's ordinal (UTF-16) order differs.
/// </summary>
public sealed class TextOrderTests
{
    static readonly string[] Pieces = ["a", "Z", "é", "\uFFFD", "Ｚ", "\uE000", "😀", "𠀀", "ß", "\u00A0", "~"];

    [Fact]
    public void Compare_agrees_with_utf8_byte_order()
    {
        var random = new Random(7);
        string Make() => string.Concat(Enumerable.Range(0, random.Next(0, 4)).Select(_ => Pieces[random.Next(Pieces.Length)]));
        for (int k = 0; k < 20_000; k++)
        {
            string x = Make(), y = Make();
            int expected = Math.Sign(Encoding.UTF8.GetBytes(x).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(y)));
            Assert.True(expected == Math.Sign(TextOrder.Compare(x, y)), $"'{x}' vs '{y}'");
        }
    }

    [Fact]
    public async Task Order_by_comparison_min_and_max_agree_with_duckdb()
    {
        using var dir = new TempDir();
        var schema = new TableSchema("quotes", "", [new ColumnSchema("quote_id", ColumnType.Int32, false, ""), new ColumnSchema("speaker", ColumnType.String, false, "")]);
        string[] values = ["b", "\uFFFD", "😀x", "Ｚ", "𠀀", "\uE000", "a😀", "a\uFFFD", "zz"];
        var manifest = new CorpusManifest();
        await using (var w = new TableWriter(schema, dir.Path, "part"))
        {
            for (int i = 0; i < values.Length; i++) { w.Int32(0, i); w.String(1, values[i]); await w.EndRowAsync(); }
            await w.CompleteAsync(writeEmptyFile: true);
            w.Publish();
            manifest.Tables["quotes"] = new ManifestTable { Files = [.. w.WrittenFiles], Rows = values.Length };
        }
        var files = CorpusFiles.FromManifest(dir.Path, manifest);
        var path = Path.Combine(dir.Path, manifest.Tables["quotes"].Files[0]);
        var scan = new Scan("quotes", [new("quote_id", ColumnType.Int32), new("speaker", ColumnType.String)]);
        var speaker = new ColumnRef("speaker", ColumnType.String);

        var sorted = Q.Run(new Sort(Q.Select(scan, "speaker"), [new SortKey(speaker)]), files);
        Assert.Equal(Duck.Rows($"SELECT speaker FROM '{path}' ORDER BY speaker").Select(r => (string)r[0]!), sorted);

        var below = Q.Sorted(Q.Run(Q.Select(new Filter(scan, new Compare(CompareOp.Lt, speaker, Literal.Of("\uE001"))), "speaker"), files));
        Assert.Equal(Q.Sorted(Duck.Rows($"SELECT speaker FROM '{path}' WHERE speaker < '\uE001'").Select(r => (string)r[0]!).ToList()), below);

        var extremes = Q.Run(new Aggregate(scan, [], [new(AggregateFunction.Min, speaker, "lo"), new(AggregateFunction.Max, speaker, "hi")]), files);
        var duck = Duck.Rows($"SELECT min(speaker), max(speaker) FROM '{path}'").Single();
        Assert.Equal($"{duck[0]}|{duck[1]}", Assert.Single(extremes));
    }
}
