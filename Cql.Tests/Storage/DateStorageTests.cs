using Cql.Engine.Core;
using Cql.Engine.Storage.Reading;
using Cql.Engine.Storage.Writing;
using Cql.Tests.Support;

namespace Cql.Tests.Storage;

/// <summary>A Date column is written as a Parquet DATE (the period's first day) and read back at the precision kept
/// beside it; a DATE without that column is a day.</summary>
public sealed class DateStorageTests
{
    static readonly TableSchema Table = new("docs", "dates of every precision", [
        new ColumnSchema("doc_id", ColumnType.Int32, false, ""),
        new ColumnSchema("date", ColumnType.Date, true, ""),
        new ColumnSchema("date_precision", ColumnType.String, true, ""),
    ]);

    static readonly string?[] Dates = ["2022", "2022-06", "2022-06-15", null, "1969-12-31", "9999-12"];

    [Fact]
    public async Task Dates_of_every_precision_round_trip_and_DuckDB_sees_their_first_days()
    {
        using var dir = new TempDir();
        var path = dir.File("docs.parquet");
        await using (var writer = new TableWriter(Table, dir.Path, "part", exactPath: path))
        {
            for (int i = 0; i < Dates.Length; i++)
                await WriterRows.WriteRowAsync(writer, [i, Dates[i], Dates[i] is { } d ? DatePrecision.Of(d) : null]);
            await writer.CompleteAsync(writeEmptyFile: true);
        }
        using (var reader = new ParquetFileReader(path))
        {
            var dates = reader.Read(0, reader.Column("date"), ColumnType.Date);
            for (int i = 0; i < Dates.Length; i++) Assert.Equal(Dates[i], dates.IsNull(i) ? null : dates.GetString(i).ToString());
            // Read as a foreign file reads it (no precision asked for by name): the column is still a DATE.
            Assert.Equal(ColumnType.Date, reader.TypeOf(reader.Column("date")));
        }
        Assert.Equal(["0|2022-01-01|year", "1|2022-06-01|month", "2|2022-06-15|day", "3|∅|∅", "4|1969-12-31|day", "5|9999-12-01|month"],
            Duck.Rendered(Duck.Open(), $"SELECT doc_id, strftime(date, '%Y-%m-%d'), date_precision FROM read_parquet('{path}') ORDER BY doc_id"));
    }

    [Fact]
    public void A_DATE_written_by_another_tool_without_a_precision_column_is_a_day()
    {
        using var dir = new TempDir();
        var path = dir.File("other.parquet");
        Duck.Rows($"COPY (SELECT DATE '2024-03-01' AS date) TO '{path}' (FORMAT parquet)");
        using var reader = new ParquetFileReader(path);
        Assert.Equal("2024-03-01", reader.Read(0, reader.Column("date"), ColumnType.Date).GetString(0).ToString());
    }
}
