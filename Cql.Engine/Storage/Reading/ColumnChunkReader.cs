using Microsoft.Win32.SafeHandles;
using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Cql.Engine.Storage.Reading;

/// <summary>
/// Reads one column chunk of one row group into a vector: numbers straight into int[]/long[]/double[] (no boxing,
/// no nullable staging), booleans into bool[], text through <see cref="TextChunkReader"/> (dictionary codes or
/// UTF-16 slices). Dictionary, plain and the delta/byte-stream-split encodings; definition levels for nulls.
/// Anything that does not add up throws <see cref="ParquetDataException"/>, which the scan reports as a damaged file.
/// </summary>
public static class ColumnChunkReader
{
    /// <param name="rowCount">The row group's rows: a flat chunk holds exactly one value or null per row.</param>
    /// <param name="selection">Only these rows (ascending), in this order; null for all.</param>
    public static ColumnVector Read(SafeFileHandle file, ParquetColumn column, ColumnChunkMeta chunk, int rowCount, ColumnType expected, int[]? selection = null)
    {
        try { return ReadChunk(file, column, chunk, rowCount, expected, selection); }
        catch (ParquetDataException e) { throw e.At(column.Name, chunk.RowGroup, -1, chunk.Start); }
    }

    static ColumnVector ReadChunk(SafeFileHandle file, ParquetColumn column, ColumnChunkMeta chunk, int rowCount, ColumnType expected, int[]? selection)
    {
        ParquetTypeMapping.RefuseNested(column);
        if (chunk.NumValues != rowCount) throw new ParquetDataException($"column chunk of {column.Name} holds {chunk.NumValues} values for {rowCount} rows");
        if (ParquetTypeMapping.IsText(column))
            return TextChunkReader.Read(file, column, chunk, rowCount, expected == ColumnType.Date ? ColumnType.Date : ColumnType.String, selection);
        ColumnVector whole;
        if (column.Type is PhysicalType.ByteArray or PhysicalType.FixedLenByteArray)
        {
            whole = BinaryChunkReader.Read(file, column, chunk, rowCount);
            return selection is null ? whole : VectorOps.Gather(whole, selection);
        }
        using (var pages = new ChunkPages(file, column, chunk))
        {
            try { whole = Decode(pages, column, rowCount, expected); }
            catch (ParquetDataException e) { throw pages.Locate(e); }
        }
        return selection is null ? whole : VectorOps.Gather(whole, selection);
    }

    static ColumnVector Decode(ChunkPages pages, ParquetColumn column, int rowCount, ColumnType expected)
    {
        switch (column.Type)
        {
            case PhysicalType.Int32:
            {
                var (v, nulls) = Numbers<int>(pages, column, rowCount);
                if (column.Annotation.Kind is not (ParquetLogicalKind.None or ParquetLogicalKind.SignedInt or ParquetLogicalKind.Other))
                    return Widened(LogicalValues.FromInt32(column, v, nulls, rowCount), expected);
                return expected switch
                {
                    ColumnType.Int64 => new Int64Vector(Widen(v), nulls, rowCount),
                    ColumnType.Float64 => new Float64Vector(ToDouble(v), nulls, rowCount),
                    _ => new Int32Vector(v, nulls, rowCount),
                };
            }
            case PhysicalType.Int64:
            {
                var (v, nulls) = Numbers<long>(pages, column, rowCount);
                if (column.Annotation.Kind is not (ParquetLogicalKind.None or ParquetLogicalKind.SignedInt or ParquetLogicalKind.Other))
                    return Widened(LogicalValues.FromInt64(column, v, nulls, rowCount), expected);
                return expected switch
                {
                    // DuckDB writes integer results as BIGINT; values of an Int32 column fit by construction.
                    ColumnType.Int32 => new Int32Vector(Narrow(v), nulls, rowCount),
                    ColumnType.Float64 => new Float64Vector(ToDouble(v), nulls, rowCount),
                    _ => new Int64Vector(v, nulls, rowCount),
                };
            }
            case PhysicalType.Int96:
            {
                var (v, nulls) = Numbers<Int96Cell>(pages, column, rowCount);
                return LogicalValues.Int96Timestamps(column, MemoryMarshal.AsBytes(v.AsSpan()), nulls, rowCount);
            }
            case PhysicalType.Double:
            {
                var (v, nulls) = Numbers<double>(pages, column, rowCount);
                return new Float64Vector(v, nulls, rowCount);
            }
            case PhysicalType.Float:
            {
                var (v, nulls) = Numbers<float>(pages, column, rowCount);
                var d = new double[rowCount];
                for (int i = 0; i < d.Length; i++) d[i] = v[i];
                return new Float64Vector(d, nulls, rowCount);
            }
            case PhysicalType.Boolean:
            {
                var (v, nulls) = Booleans(pages, column, rowCount);
                return new BoolVector(v, nulls, rowCount);
            }
            default:
                throw new ParquetDataException($"column {column.Name} has Parquet type {column.Type}, which CQL does not read", unsupported: true);
        }
    }

    /// <summary>
    /// A repeated INT32 column (the term index's ids): every present value in order, and how many each row has.
    /// Empty lists count zero; null elements are dropped.
    /// </summary>
    public static int[] ReadRepeatedInt32(SafeFileHandle file, ParquetColumn column, ColumnChunkMeta chunk, int rowCount, out int[] lengths)
    {
        try { return ReadLists(file, column, chunk, rowCount, out lengths); }
        catch (ParquetDataException e) { throw e.At(column.Name, chunk.RowGroup, -1, chunk.Start); }
    }

    static int[] ReadLists(SafeFileHandle file, ParquetColumn column, ColumnChunkMeta chunk, int rowCount, out int[] lengths)
    {
        if (column.Type != PhysicalType.Int32 || column.MaxRepetitionLevel != 1)
            throw new ParquetDataException($"column {column.Name} is not a list of INT32", unsupported: true);
        if (chunk.NumValues > Array.MaxLength) throw new ParquetDataException($"list column chunk claims {chunk.NumValues} values");
        lengths = new int[rowCount];
        var values = new int[(int)chunk.NumValues];
        int count = 0, row = -1;
        int[]? dictionary = null;
        byte[]? plainBuffer = null;
        using var pages = new ChunkPages(file, column, chunk);
        try
        {
            while (pages.Next(out var page))
            {
                if (page.Type == PageType.DictionaryPage) { dictionary = Dictionary<int>(page); continue; }
                if (count + page.NonNull > values.Length) throw new ParquetDataException("more ids than the chunk's value count");
                Dense(page, PhysicalType.Int32, dictionary, values.AsSpan(count, page.NonNull), ref plainBuffer);
                var reps = page.Repetitions;
                var defs = page.Definitions;
                for (int i = 0; i < page.NumValues; i++)
                {
                    if (reps[i] == 0 && ++row >= rowCount) throw new ParquetDataException($"more lists than {rowCount} rows");
                    if (row < 0) throw new ParquetDataException("a page starts inside a list");
                    if (defs[i] == column.MaxDefinitionLevel) lengths[row]++;
                }
                count += page.NonNull;
            }
        }
        catch (ParquetDataException e) { throw pages.Locate(e); }
        finally { if (plainBuffer is not null) ArrayPool<byte>.Shared.Return(plainBuffer); }
        if (row != rowCount - 1) throw new ParquetDataException($"column chunk holds {row + 1} lists for {rowCount} rows");
        return count == values.Length ? values : values[..count];
    }

    static (T[] Values, bool[]? Nulls) Numbers<T>(ChunkPages pages, ParquetColumn column, int rowCount) where T : unmanaged
    {
        var values = new T[rowCount];
        bool[]? nulls = null;
        T[]? dictionary = null;
        byte[]? plainBuffer = null;
        int row = 0;
        try
        {
            while (pages.Next(out var page))
            {
                if (page.Type == PageType.DictionaryPage) { dictionary = Dictionary<T>(page); continue; }
                int n = page.NumValues;
                if (n > rowCount - row) throw new ParquetDataException("more values than rows in the column chunk");
                Dense(page, column.Type, dictionary, values.AsSpan(row, page.NonNull), ref plainBuffer);
                if (page.NonNull < n) Spread(values, row, n, page.NonNull, page.Definitions, column.MaxDefinitionLevel, ref nulls, rowCount);
                row += n;
            }
        }
        finally { if (plainBuffer is not null) ArrayPool<byte>.Shared.Return(plainBuffer); }
        if (row != rowCount) throw new ParquetDataException($"column chunk holds {row} values for {rowCount} rows");
        return (values, nulls);
    }

    /// <summary>The page's present values, in order, into <paramref name="dense"/> (NonNull long).</summary>
    static void Dense<T>(in ChunkPage page, PhysicalType type, T[]? dictionary, Span<T> dense, ref byte[]? plainBuffer) where T : unmanaged
    {
        int size = System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        switch (page.Encoding)
        {
            case ParquetEncoding.PlainDictionary or ParquetEncoding.RleDictionary:
            {
                if (dictionary is null) throw new ParquetDataException("dictionary-encoded page without a dictionary");
                if (dense.IsEmpty) return;
                var indices = ArrayPool<int>.Shared.Rent(dense.Length);
                try
                {
                    var idx = indices.AsSpan(0, dense.Length);
                    RleHybrid.DecodeIndices(page.Body, idx);
                    for (int k = 0; k < idx.Length; k++)
                    {
                        int c = idx[k];
                        if ((uint)c >= (uint)dictionary.Length) throw new ParquetDataException($"dictionary index {c} out of range (dictionary of {dictionary.Length})");
                        dense[k] = dictionary[c];
                    }
                }
                finally { ArrayPool<int>.Shared.Return(indices); }
                return;
            }
            case ParquetEncoding.Plain:
            {
                int bytes = dense.Length * size;
                if (page.Body.Length < bytes) throw new ParquetDataException($"plain page of {page.Body.Length} bytes holds fewer than its {dense.Length} values");
                MemoryMarshal.Cast<byte, T>(page.Body[..bytes]).CopyTo(dense);
                return;
            }
            default:
            {
                var plain = PlainConversion.ToPlain(page.Encoding, type, page.Body, dense.Length, ref plainBuffer);
                MemoryMarshal.Cast<byte, T>(plain[..(dense.Length * size)]).CopyTo(dense);
                return;
            }
        }
    }

    static T[] Dictionary<T>(in ChunkPage page) where T : unmanaged
    {
        if (page.Encoding is not (ParquetEncoding.Plain or ParquetEncoding.PlainDictionary))
            throw new ParquetDataException($"dictionary page encoded {page.Encoding}");
        long bytes = (long)page.NumValues * System.Runtime.CompilerServices.Unsafe.SizeOf<T>();
        if (page.Body.Length < bytes) throw new ParquetDataException($"dictionary page of {page.Body.Length} bytes shorter than its {page.NumValues} values");
        return MemoryMarshal.Cast<byte, T>(page.Body[..(int)bytes]).ToArray();
    }

    /// <summary>Moves the page's dense values (at the start of its rows) to their rows, back to front so nothing is
    /// overwritten before it moves, and marks the rest null.</summary>
    static void Spread<T>(T[] values, int row, int n, int present, ReadOnlySpan<int> defs, int maxDefinition, ref bool[]? nulls, int rowCount)
    {
        nulls ??= new bool[rowCount];
        int j = present - 1;
        for (int i = n - 1; i >= 0; i--)
        {
            if (defs[i] == maxDefinition) values[row + i] = values[row + j--];
            else { values[row + i] = default!; nulls[row + i] = true; }
        }
    }

    static (bool[] Values, bool[]? Nulls) Booleans(ChunkPages pages, ParquetColumn column, int rowCount)
    {
        var values = new bool[rowCount];
        bool[]? nulls = null;
        int row = 0;
        var bits = ArrayPool<int>.Shared.Rent(1024);
        try
        {
            while (pages.Next(out var page))
            {
                if (page.Type == PageType.DictionaryPage) throw new ParquetDataException("a boolean column with a dictionary");
                int n = page.NumValues, present = page.NonNull;
                if (n > rowCount - row) throw new ParquetDataException("more values than rows in the column chunk");
                if (bits.Length < present) { ArrayPool<int>.Shared.Return(bits); bits = ArrayPool<int>.Shared.Rent(present); }
                var dense = bits.AsSpan(0, present);
                if (page.Encoding == ParquetEncoding.Plain) RleHybrid.Unpack(page.Body, 1, dense);
                else if (page.Encoding == ParquetEncoding.Rle)
                {
                    // Booleans in RLE carry a 4-byte length, like v1 levels.
                    if (page.Body.Length < 4) throw new ParquetDataException("boolean page too short for its length");
                    int length = BinaryPrimitives.ReadInt32LittleEndian(page.Body);
                    if (length < 0 || length > page.Body.Length - 4) throw new ParquetDataException("boolean runs past the page");
                    RleHybrid.Decode(page.Body.Slice(4, length), 1, dense);
                }
                else throw new ParquetDataException($"booleans encoded {page.Encoding} are not supported", unsupported: true);
                for (int k = 0; k < present; k++) values[row + k] = dense[k] != 0;
                if (present < n) Spread(values, row, n, present, page.Definitions, column.MaxDefinitionLevel, ref nulls, rowCount);
                row += n;
            }
        }
        finally { ArrayPool<int>.Shared.Return(bits); }
        if (row != rowCount) throw new ParquetDataException($"column chunk holds {row} values for {rowCount} rows");
        return (values, nulls);
    }

    /// <summary>An annotated column's values where the caller asked for a wider number (UINT_32 as Float64).</summary>
    static ColumnVector Widened(ColumnVector v, ColumnType expected) => (v, expected) switch
    {
        (Int64Vector l, ColumnType.Float64) => new Float64Vector(ToDouble(l.Values), l.Nulls, l.Length),
        _ => v,
    };

    /// <summary>One INT96 value as stored: 12 bytes, read whole and interpreted by <see cref="LogicalValues"/>.</summary>
    [System.Runtime.CompilerServices.InlineArray(12)]
    struct Int96Cell
    {
        byte _byte;
    }

    internal static long[] Widen(int[] v)
    {
        var r = new long[v.Length];
        for (int i = 0; i < v.Length; i++) r[i] = v[i];
        return r;
    }

    static int[] Narrow(long[] v)
    {
        var r = new int[v.Length];
        for (int i = 0; i < v.Length; i++) r[i] = (int)v[i];
        return r;
    }

    static double[] ToDouble(int[] v)
    {
        var r = new double[v.Length];
        for (int i = 0; i < v.Length; i++) r[i] = v[i];
        return r;
    }

    static double[] ToDouble(long[] v)
    {
        var r = new double[v.Length];
        for (int i = 0; i < v.Length; i++) r[i] = v[i];
        return r;
    }
}
