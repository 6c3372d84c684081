using Cql.Engine.Core;
using Cql.Engine.Execution;
using System.Collections;
using System.Globalization;
using System.Reflection;

namespace Cql.Repl.Scripting;

/// <summary>A C# value as rows: a query's rows as they are, a sequence of records one column per public property (a
/// sequence of scalars one column "value"). The printer shows them as a table and `cql run FILE.csx -o FILE` writes them
/// as a query's rows are written.</summary>
public static class ValueRows
{
    /// <summary>The rows of <paramref name="value"/>, or null when it is not a sequence. At most <paramref name="take"/>
    /// items of a sequence are read (int.MaxValue: all); <paramref name="capped"/> says the sequence had more.</summary>
    public static IBatchStream? Of(object? value, int take, out bool capped)
    {
        capped = false;
        switch (value)
        {
            case QueryRows q: return q.Replay();
            case null or string: return null;
            case IEnumerable seq:
                var items = seq.Cast<object?>().Take(take).ToList();
                capped = items.Count == take && take != int.MaxValue;
                var type = items.FirstOrDefault(i => i is not null)?.GetType();
                var props = type is null || IsScalar(type) ? null : type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).ToArray();
                var columns = props is null ? [new ResultColumn("value", ColumnType.String)] : props.Select(p => new ResultColumn(p.Name, TypeOf(p.PropertyType))).ToArray();
                var rows = items.Select(i => props is null ? [Cell(i, ColumnType.String)] : props.Select((p, k) => i is null ? null : Cell(p.GetValue(i), columns[k].Type)).ToArray()).ToList();
                return new MemoryRows(columns, rows);
            default: return null;
        }
    }

    /// <summary>A value that is not a sequence as one row of one column "value", so it can be written to a file too.</summary>
    public static IBatchStream Single(object? value) =>
        new MemoryRows([new ResultColumn("value", ColumnType.String)], [[value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value?.ToString()]]);

    static bool IsScalar(Type t) => t.IsPrimitive || t == typeof(string) || t == typeof(decimal) || t.IsEnum;

    static ColumnType TypeOf(Type t)
    {
        t = Nullable.GetUnderlyingType(t) ?? t;
        if (t == typeof(int) || t == typeof(short) || t == typeof(byte)) return ColumnType.Int32;
        if (t == typeof(long)) return ColumnType.Int64;
        if (t == typeof(double) || t == typeof(float) || t == typeof(decimal)) return ColumnType.Float64;
        if (t == typeof(bool)) return ColumnType.Bool;
        return ColumnType.String;
    }

    static object? Cell(object? v, ColumnType t) => v is null ? null : t switch
    {
        ColumnType.Int32 => Convert.ToInt32(v, CultureInfo.InvariantCulture),
        ColumnType.Int64 => Convert.ToInt64(v, CultureInfo.InvariantCulture),
        ColumnType.Float64 => Convert.ToDouble(v, CultureInfo.InvariantCulture),
        ColumnType.Bool => (bool)v,
        _ => Convert.ToString(v, CultureInfo.InvariantCulture),
    };
}
