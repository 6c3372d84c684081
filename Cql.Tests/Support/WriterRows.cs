using Cql.Engine.Storage.Writing;

namespace Cql.Tests.Support;

/// <summary>Writes a row of plain values (int, long, double, bool, string or null, in column order) through the
/// engine's writer: the tests' way to make a file of known rows.</summary>
public static class WriterRows
{
    public static async ValueTask WriteRowAsync(TableWriter writer, object?[] row)
    {
        for (int c = 0; c < row.Length; c++)
            switch (row[c])
            {
                case null: writer.Null(c); break;
                case int v: writer.Int32(c, v); break;
                case long v: writer.Int64(c, v); break;
                case double v: writer.Float64(c, v); break;
                case bool v: writer.Bool(c, v); break;
                case string v: writer.String(c, v); break;
            }
        await writer.EndRowAsync();
    }
}
