namespace Cql.Engine.Storage.Reading;

/// <summary>
/// A corpus date column is a Parquet DATE with its precision beside it (<see cref="DatePrecision"/>): read as a Date
/// it is the ISO text of the precision ("2022-06"), which is the day's text cut short (a slice, no new string). A
/// DATE without a precision column (another tool's file) is a day.
/// </summary>
public static class DateColumns
{
    /// <summary>Reads <paramref name="column"/> as <paramref name="expected"/>, a DATE read as a Date (or as text,
    /// as the C# records ask) cut to the precision the file keeps beside it.</summary>
    public static ColumnVector Read(Microsoft.Win32.SafeHandles.SafeFileHandle file, FileFooter footer, RowGroupInfo rg, ParquetColumn column,
        int rowCount, ColumnType expected, int[]? selection = null)
    {
        var v = ColumnChunkReader.Read(file, column, rg.Chunk(column), rowCount, expected, selection);
        if (expected is not (ColumnType.Date or ColumnType.String) || column.Annotation.Kind != ParquetLogicalKind.Date
            || !footer.Columns.TryGetValue(DatePrecision.ColumnOf(column.Name), out var precision) || precision.Nesting is not null)
            return v;
        var p = ColumnChunkReader.Read(file, precision, rg.Chunk(precision), rowCount, ColumnType.String, selection);
        return Truncate((StringVector)v, p);
    }

    static StringVector Truncate(StringVector days, ColumnVector precision)
    {
        var values = (ReadOnlyMemory<char>[])days.Values.Clone();
        for (int i = 0; i < days.Length; i++)
        {
            if (days.IsNull(i) || precision.IsNull(i)) continue;
            int length = DatePrecision.TextLength(precision.GetString(i).Span);
            if (length > 0 && length < values[i].Length) values[i] = values[i][..length];
        }
        return new StringVector(values, days.Nulls, days.Length, ColumnType.Date);
    }
}
