using Cql.Engine.Execution;
using Parquet;
using Parquet.Schema;
using Microsoft.Win32.SafeHandles;

namespace Cql.Engine.Storage.Reading;

/// <summary>
/// Reads one column of one row group into a vector. Strings are read as ReadOnlyMemory&lt;char&gt; (no string per
/// row; rows of one dictionary value share a buffer); numbers are converted to the type the plan expects.
/// </summary>
public static class ColumnChunkReader
{
    /// <param name="file">A handle on the same file for <see cref="TextChunkReader"/>; null to always use Parquet.Net.</param>
    /// <param name="selection">Only these rows (ascending), in this order; null for all.</param>
    public static async ValueTask<ColumnVector> ReadAsync(ParquetRowGroupReader rg, DataField field, ColumnType expected, SafeFileHandle? file, CancellationToken ct,
        int[]? selection = null)
    {
        // Text is the costly column to materialise: only the selected rows are transcoded (TextChunkReader checks
        // that the chunk is text it can read).
        if (selection is not null && IsText(expected) && file is not null && rg.GetMetadata(field) is { } c
            && TextChunkReader.TryRead(file, c, field.IsNullable, checked((int)rg.RowCount), expected, selection) is { } some)
            return some;
        if (selection is not null) return Execution.VectorOps.Gather(await ReadAsync(rg, field, expected, file, ct), selection);
        int n = checked((int)rg.RowCount);
        var clr = field.ClrType;
        if (clr == typeof(string) || clr == typeof(ReadOnlyMemory<char>))
        {
            var stringType = expected == ColumnType.Date ? ColumnType.Date : ColumnType.String;
            if (file is not null && rg.GetMetadata(field) is { } chunk
                && TextChunkReader.TryRead(file, chunk, field.IsNullable, n, stringType) is { } fast)
                return fast;
            var values = new ReadOnlyMemory<char>[n];
            bool[]? nulls = null;
            if (field.IsNullable)
            {
                // The nullable staging buffer is pooled: a fresh 1.5 MB array per chunk would land on the large
                // object heap and force full collections.
                var raw = System.Buffers.ArrayPool<ReadOnlyMemory<char>?>.Shared.Rent(n);
                try
                {
                    await rg.ReadAsync<ReadOnlyMemory<char>>(field, raw.AsMemory(0, n), null, ct);
                    for (int i = 0; i < n; i++)
                    {
                        if (raw[i] is { } v) values[i] = v;
                        else (nulls ??= new bool[n])[i] = true;
                    }
                }
                finally { System.Buffers.ArrayPool<ReadOnlyMemory<char>?>.Shared.Return(raw, clearArray: true); }
            }
            else await rg.ReadAsync<ReadOnlyMemory<char>>(field, values.AsMemory(), null, ct);
            return new StringVector(values, nulls, n, expected == ColumnType.Date ? ColumnType.Date : ColumnType.String);
        }
        if (clr == typeof(int)) return Convert(await ReadNumbersAsync<int>(rg, field, n, ct), expected);
        if (clr == typeof(long)) return Convert(await ReadNumbersAsync<long>(rg, field, n, ct), expected);
        if (clr == typeof(double)) return Convert(await ReadNumbersAsync<double>(rg, field, n, ct), expected);
        if (clr == typeof(bool))
        {
            var (v, nulls) = await ReadNumbersAsync<bool>(rg, field, n, ct);
            return new BoolVector(v, nulls, n);
        }
        throw new NotSupportedException($"column {field.Name} has Parquet type {clr.Name}, which CQL does not read");
    }

    static bool IsText(ColumnType t) => t is ColumnType.String or ColumnType.Date;

    static async ValueTask<(T[] Values, bool[]? Nulls)> ReadNumbersAsync<T>(ParquetRowGroupReader rg, DataField field, int n, CancellationToken ct)
        where T : struct
    {
        var values = new T[n];
        if (!field.IsNullable)
        {
            await rg.ReadAsync<T>(field, values.AsMemory(), null, ct);
            return (values, null);
        }
        var raw = System.Buffers.ArrayPool<T?>.Shared.Rent(n);
        try
        {
            await rg.ReadAsync<T>(field, raw.AsMemory(0, n), null, ct);
            bool[]? nulls = null;
            for (int i = 0; i < n; i++)
            {
                if (raw[i] is { } v) values[i] = v;
                else (nulls ??= new bool[n])[i] = true;
            }
            return (values, nulls);
        }
        finally { System.Buffers.ArrayPool<T?>.Shared.Return(raw); }
    }

    static ColumnVector Convert(int[] v, bool[]? nulls, ColumnType expected) => expected switch
    {
        ColumnType.Int64 => new Int64Vector(Array.ConvertAll(v, x => (long)x), nulls, v.Length),
        ColumnType.Float64 => new Float64Vector(Array.ConvertAll(v, x => (double)x), nulls, v.Length),
        _ => new Int32Vector(v, nulls, v.Length),
    };

    static ColumnVector Convert((int[] V, bool[]? N) x, ColumnType expected) => Convert(x.V, x.N, expected);

    static ColumnVector Convert((long[] V, bool[]? N) x, ColumnType expected) => expected switch
    {
        // DuckDB writes integer results as BIGINT; values of an Int32 column fit by construction.
        ColumnType.Int32 => new Int32Vector(Array.ConvertAll(x.V, v => (int)v), x.N, x.V.Length),
        ColumnType.Float64 => new Float64Vector(Array.ConvertAll(x.V, v => (double)v), x.N, x.V.Length),
        _ => new Int64Vector(x.V, x.N, x.V.Length),
    };

    static ColumnVector Convert((double[] V, bool[]? N) x, ColumnType expected) => new Float64Vector(x.V, x.N, x.V.Length);
}
