namespace Cql.Engine.Core;

/// <summary>A column of T values with an optional null mask (Nulls[i] true means row i is null).</summary>
public abstract class TypedVector<T>(T[]? values, bool[]? nulls, int length) : ColumnVector
{
    T[]? _values = values;

    /// <summary>The values; at least Length long; a null row holds default(T). Built on first use when the
    /// vector was made from codes (a count over a dictionary column never needs them).</summary>
    public T[] Values => _values ??= Materialize();

    protected virtual T[] Materialize() => throw new InvalidOperationException("vector has no values");
    /// <summary>Null mask, or null when no row is null.</summary>
    public bool[]? Nulls { get; } = nulls;
    public override int Length { get; } = length;
    public override bool IsNull(int row) => Nulls is { } n && n[row];
}

/// <summary>Int32 column.</summary>
public sealed class Int32Vector(int[] values, bool[]? nulls, int length) : TypedVector<int>(values, nulls, length)
{
    public override ColumnType Type => ColumnType.Int32;
    public override int GetInt32(int row) => Values[row];
    public override long GetInt64(int row) => Values[row];
    public override double GetFloat64(int row) => Values[row];
}

/// <summary>Int64 column.</summary>
public sealed class Int64Vector(long[] values, bool[]? nulls, int length) : TypedVector<long>(values, nulls, length)
{
    public override ColumnType Type => ColumnType.Int64;
    public override long GetInt64(int row) => Values[row];
    public override double GetFloat64(int row) => Values[row];
}

/// <summary>Float64 column.</summary>
public sealed class Float64Vector(double[] values, bool[]? nulls, int length) : TypedVector<double>(values, nulls, length)
{
    public override ColumnType Type => ColumnType.Float64;
    public override double GetFloat64(int row) => Values[row];
}

/// <summary>Bool column.</summary>
public sealed class BoolVector(bool[] values, bool[]? nulls, int length) : TypedVector<bool>(values, nulls, length)
{
    public override ColumnType Type => ColumnType.Bool;
    public override bool GetBool(int row) => Values[row];
}

/// <summary>
/// String or Date column as UTF-16 slices. Rows read from one Parquet dictionary value share one buffer, which
/// predicates use to evaluate once per distinct value (Execution's <c>StringPredicateCache</c>).
/// </summary>
public sealed class StringVector(ReadOnlyMemory<char>[]? values, bool[]? nulls, int length, ColumnType type = ColumnType.String)
    : TypedVector<ReadOnlyMemory<char>>(values, nulls, length)
{
    public override ColumnType Type { get; } = type;
    public override ReadOnlyMemory<char> GetString(int row) => Values[row];

    /// <summary>Set when the rows came from a Parquet dictionary: Values[i] is Dictionary[Codes[i]] for every
    /// non-null row, so predicates and group keys work per distinct value and then per row by index.</summary>
    public int[]? Codes { get; private init; }
    public ReadOnlyMemory<char>[]? Dictionary { get; private init; }

    /// <summary>A vector of dictionary codes; its Values are built from them when first asked for.</summary>
    public static StringVector WithDictionary(bool[]? nulls, int length, ColumnType type, int[] codes, ReadOnlyMemory<char>[] dictionary) =>
        new(null, nulls, length, type) { Codes = codes, Dictionary = dictionary };

    protected override ReadOnlyMemory<char>[] Materialize()
    {
        var codes = Codes ?? throw new InvalidOperationException("string vector has neither values nor codes");
        var dict = Dictionary!;
        var values = new ReadOnlyMemory<char>[Length];
        for (int i = 0; i < values.Length; i++) if (!IsNull(i)) values[i] = dict[codes[i]];
        return values;
    }
}
