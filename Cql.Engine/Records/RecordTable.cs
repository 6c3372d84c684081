using Cql.Engine.Storage.Reading;
using System.Linq.Expressions;
using System.Reflection;

namespace Cql.Engine.Records;

/// <summary>
/// A corpus table as typed records that streams: enumerating it reads one row group at a time and builds each record
/// with a constructor call compiled once per type, so <c>Quotes.Count(q =&gt; …)</c> holds one row group, not the
/// table. <see cref="Count"/> comes from the files' footers; indexing (rare in scripts) loads the table once and
/// keeps it.
/// </summary>
public sealed class RecordTable<T> : IReadOnlyList<T>
{
    readonly IReadOnlyList<string> _files;
    readonly Func<CancellationToken> _cancellation;
    long? _count;
    List<T>? _loaded;

    /// <param name="files">The table's Parquet files.</param>
    /// <param name="cancellation">The token to look at between row groups (the running C# submission's).</param>
    public RecordTable(IReadOnlyList<string> files, Func<CancellationToken>? cancellation = null)
    {
        _files = files;
        _cancellation = cancellation ?? (() => CancellationToken.None);
    }

    /// <summary>Rows in the table, from the footers.</summary>
    /// <exception cref="Storage.CorpusException">A file is missing or damaged.</exception>
    public int Count => checked((int)(_count ??= CountRows()));

    public T this[int index] => (_loaded ??= [.. this])[index];

    public IEnumerator<T> GetEnumerator()
    {
        var make = RecordFactory<T>.Make;
        var parameters = RecordFactory<T>.Parameters;
        foreach (var path in _files)
        {
            _cancellation().ThrowIfCancellationRequested();
            using var file = new ParquetFileReader(path);
            var byParam = new ParquetColumn?[parameters.Length];
            for (int i = 0; i < parameters.Length; i++)
                byParam[i] = file.Columns.FirstOrDefault(c => string.Equals(RecordTables.Pascal(c.Name), parameters[i].Name, StringComparison.OrdinalIgnoreCase));
            for (int g = 0; g < file.RowGroupCount; g++)
            {
                _cancellation().ThrowIfCancellationRequested();
                int n = file.RowCount(g);
                var columns = new ColumnVector?[parameters.Length];
                for (int i = 0; i < parameters.Length; i++)
                    if (byParam[i] is { } c) columns[i] = file.Read(g, c, RecordFactory<T>.Types[i]);
                for (int r = 0; r < n; r++) yield return make(columns, r);
            }
        }
    }

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();

    long CountRows()
    {
        long n = 0;
        foreach (var path in _files)
        {
            using var file = new ParquetFileReader(path);
            for (int g = 0; g < file.RowGroupCount; g++) n += file.RowCount(g);
        }
        return n;
    }

    public override string ToString() => $"{typeof(T).Name} table ({Count:N0} rows)";
}

/// <summary>Builds a <typeparamref name="T"/> from row r of column vectors laid out as its constructor's parameters:
/// a compiled expression (reflection once per type, not per row); a missing column or null cell gets the
/// parameter's default ("" for a non-nullable string).</summary>
static class RecordFactory<T>
{
    public static readonly ParameterInfo[] Parameters;
    public static readonly ColumnType[] Types;
    public static readonly Func<ColumnVector?[], int, T> Make;

    static RecordFactory()
    {
        var ctor = typeof(T).GetConstructors().Single(c => c.GetParameters().Length > 0);
        Parameters = ctor.GetParameters();
        Types = Array.ConvertAll(Parameters, p => ColumnTypeOf(Nullable.GetUnderlyingType(p.ParameterType) ?? p.ParameterType));
        var columns = Expression.Parameter(typeof(ColumnVector?[]), "columns");
        var row = Expression.Parameter(typeof(int), "row");
        var args = new Expression[Parameters.Length];
        for (int i = 0; i < Parameters.Length; i++)
        {
            var p = Parameters[i];
            var column = Expression.ArrayIndex(columns, Expression.Constant(i));
            var missing = Expression.OrElse(Expression.Equal(column, Expression.Constant(null, typeof(ColumnVector))),
                Expression.Call(column, nameof(ColumnVector.IsNull), null, row));
            args[i] = Expression.Condition(missing, Expression.Constant(Default(p), p.ParameterType),
                Expression.Convert(Read(column, row, Types[i]), p.ParameterType));
        }
        Make = Expression.Lambda<Func<ColumnVector?[], int, T>>(Expression.New(ctor, args), columns, row).Compile();
    }

    static Expression Read(Expression column, Expression row, ColumnType type) => type switch
    {
        ColumnType.Int32 => Expression.Call(column, nameof(ColumnVector.GetInt32), null, row),
        ColumnType.Int64 => Expression.Call(column, nameof(ColumnVector.GetInt64), null, row),
        ColumnType.Float64 => Expression.Call(column, nameof(ColumnVector.GetFloat64), null, row),
        ColumnType.Bool => Expression.Call(column, nameof(ColumnVector.GetBool), null, row),
        _ => Expression.Call(Expression.Call(column, nameof(ColumnVector.GetString), null, row), typeof(ReadOnlyMemory<char>).GetMethod(nameof(ToString), Type.EmptyTypes)!),
    };

    static ColumnType ColumnTypeOf(Type type) =>
        type == typeof(int) ? ColumnType.Int32
        : type == typeof(long) ? ColumnType.Int64
        : type == typeof(double) ? ColumnType.Float64
        : type == typeof(bool) ? ColumnType.Bool
        : ColumnType.String;

    static object? Default(ParameterInfo p) =>
        p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType)
        : p.ParameterType == typeof(string) && new NullabilityInfoContext().Create(p).WriteState != NullabilityState.Nullable ? "" : null;
}
