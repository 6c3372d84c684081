namespace Cql.Engine.Core;

/// <summary>Whole-vector helpers: gather selected rows, build constants and empty vectors, concatenate.</summary>
public static class VectorOps
{
    /// <summary>The rows at the given positions, in that order, as a new vector.</summary>
    public static ColumnVector Gather(ColumnVector v, ReadOnlySpan<int> rows) => v switch
    {
        Int32Vector x => new Int32Vector(Take(x.Values, rows), TakeNulls(x.Nulls, rows), rows.Length),
        Int64Vector x => new Int64Vector(Take(x.Values, rows), TakeNulls(x.Nulls, rows), rows.Length),
        Float64Vector x => new Float64Vector(Take(x.Values, rows), TakeNulls(x.Nulls, rows), rows.Length),
        BoolVector x => new BoolVector(Take(x.Values, rows), TakeNulls(x.Nulls, rows), rows.Length),
        StringVector { Codes: { } codes, Dictionary: { } dict } x =>
            StringVector.WithDictionary(TakeNulls(x.Nulls, rows), rows.Length, x.Type, Take(codes, rows), dict),
        StringVector x => new StringVector(Take(x.Values, rows), TakeNulls(x.Nulls, rows), rows.Length, x.Type),
        _ => throw new NotSupportedException(v.GetType().Name),
    };

    static T[] Take<T>(T[] src, ReadOnlySpan<int> rows)
    {
        var dst = new T[rows.Length];
        for (int i = 0; i < rows.Length; i++) dst[i] = src[rows[i]];
        return dst;
    }

    static bool[]? TakeNulls(bool[]? src, ReadOnlySpan<int> rows)
    {
        if (src is null) return null;
        var dst = new bool[rows.Length];
        bool any = false;
        for (int i = 0; i < rows.Length; i++) any |= dst[i] = src[rows[i]];
        return any ? dst : null;
    }

    /// <summary>The batch restricted to the given rows.</summary>
    public static ColumnBatch Gather(ColumnBatch b, ReadOnlySpan<int> rows)
    {
        var cols = new ColumnVector[b.Columns.Count];
        for (int c = 0; c < cols.Length; c++) cols[c] = Gather(b.Columns[c], rows);
        return new ColumnBatch(cols, rows.Length);
    }

    /// <summary>The positions of the rows whose mask value is <see cref="Tri.True"/>.</summary>
    public static int[] Selection(ReadOnlySpan<byte> mask)
    {
        int n = 0;
        for (int i = 0; i < mask.Length; i++) if (mask[i] == Tri.True) n++;
        var sel = new int[n];
        int k = 0;
        for (int i = 0; i < mask.Length; i++) if (mask[i] == Tri.True) sel[k++] = i;
        return sel;
    }

    /// <summary>A vector holding one value in every row; value null gives an all-null vector.</summary>
    public static ColumnVector Constant(ColumnType type, object? value, int length)
    {
        bool[]? nulls = null;
        if (value is null) { nulls = new bool[length]; Array.Fill(nulls, true); }
        switch (type)
        {
            case ColumnType.Int32: { var a = new int[length]; if (value is not null) Array.Fill(a, Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture)); return new Int32Vector(a, nulls, length); }
            case ColumnType.Int64: { var a = new long[length]; if (value is not null) Array.Fill(a, Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)); return new Int64Vector(a, nulls, length); }
            case ColumnType.Float64: { var a = new double[length]; if (value is not null) Array.Fill(a, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)); return new Float64Vector(a, nulls, length); }
            case ColumnType.Bool: { var a = new bool[length]; if (value is not null) Array.Fill(a, (bool)value); return new BoolVector(a, nulls, length); }
            default:
            {
                // One shared buffer: a predicate on a constant column is evaluated once, like a dictionary value.
                var a = new ReadOnlyMemory<char>[length];
                if (value is not null) Array.Fill(a, Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!.ToCharArray().AsMemory());
                return new StringVector(a, nulls, length, type);
            }
        }
    }

    /// <summary>Appends every row of <paramref name="batches"/> into one batch with the given column types.</summary>
    public static ColumnBatch Concat(IReadOnlyList<ResultColumn> columns, IReadOnlyList<ColumnBatch> batches)
    {
        int total = 0;
        foreach (var b in batches) total += b.RowCount;
        var cols = new ColumnVector[columns.Count];
        for (int c = 0; c < cols.Length; c++)
        {
            var builder = new VectorBuilder(columns[c].Type, total);
            foreach (var b in batches)
                for (int r = 0; r < b.RowCount; r++) builder.AppendFrom(b.Columns[c], r);
            cols[c] = builder.Build();
        }
        return new ColumnBatch(cols, total);
    }
}

/// <summary>Three-valued logic as bytes: predicate masks hold one of these per row.</summary>
public static class Tri
{
    public const byte False = 0;
    public const byte True = 1;
    public const byte Unknown = 2;
}
