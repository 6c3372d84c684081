using Cql.Engine.Storage.Reading;
using System.Reflection;

namespace Cql.Engine.Records;

/// <summary>
/// Loads a corpus table as typed records. Columns are matched to the record's constructor parameters by name
/// (doc_id ↔ DocId). This is the edge where rows become objects — for C# users, never on the query path.
/// </summary>
public static class RecordTables
{
    /// <exception cref="Storage.CorpusException">A file is missing or damaged.</exception>
    public static List<T> Load<T>(IReadOnlyList<string> files, CancellationToken ct = default)
    {
        var ctor = typeof(T).GetConstructors().Single(c => c.GetParameters().Length > 0);
        var ps = ctor.GetParameters();
        var types = Array.ConvertAll(ps, p => ColumnTypeOf(p.ParameterType));
        // A missing or null cell gets its parameter's default, worked out once (it is reflection) rather than per row.
        var defaults = Array.ConvertAll(ps, Default);
        var list = new List<T>();
        foreach (var path in files)
        {
            ct.ThrowIfCancellationRequested();
            using var file = new ParquetFileReader(path);
            var byParam = new ParquetColumn?[ps.Length];
            for (int i = 0; i < ps.Length; i++)
                byParam[i] = file.Columns.FirstOrDefault(c => string.Equals(Pascal(c.Name), ps[i].Name, StringComparison.OrdinalIgnoreCase));
            for (int g = 0; g < file.RowGroupCount; g++)
            {
                int n = file.RowCount(g);
                var columns = new ColumnVector?[ps.Length];
                for (int i = 0; i < ps.Length; i++)
                    if (byParam[i] is { } c) columns[i] = file.Read(g, c, types[i]);
                var args = new object?[ps.Length];
                for (int r = 0; r < n; r++)
                {
                    for (int i = 0; i < ps.Length; i++)
                        args[i] = columns[i] is { } v && !v.IsNull(r) ? Value(v, r, types[i]) : defaults[i];
                    list.Add((T)ctor.Invoke(args));
                }
            }
        }
        return list;
    }

    // int? and the like (a nullable column) read as their underlying type; a null cell gives the parameter's default.
    static ColumnType ColumnTypeOf(Type type) => ColumnTypeOfUnderlying(Nullable.GetUnderlyingType(type) ?? type);

    static ColumnType ColumnTypeOfUnderlying(Type type) =>
        type == typeof(int) ? ColumnType.Int32
        : type == typeof(long) ? ColumnType.Int64
        : type == typeof(double) ? ColumnType.Float64
        : type == typeof(bool) ? ColumnType.Bool
        : ColumnType.String;

    static object Value(ColumnVector v, int row, ColumnType type) => type switch
    {
        ColumnType.Int32 => v.GetInt32(row),
        ColumnType.Int64 => v.GetInt64(row),
        ColumnType.Float64 => v.GetFloat64(row),
        ColumnType.Bool => v.GetBool(row),
        _ => v.GetString(row).ToString(),
    };

    static object? Default(ParameterInfo p) => p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : p.ParameterType == typeof(string) && !IsNullable(p) ? "" : null;

    static bool IsNullable(ParameterInfo p) => new NullabilityInfoContext().Create(p).WriteState == NullabilityState.Nullable;

    /// <summary>doc_id → DocId.</summary>
    public static string Pascal(string column)
    {
        var sb = new System.Text.StringBuilder(column.Length);
        bool up = true;
        foreach (var c in column)
        {
            if (c == '_') { up = true; continue; }
            sb.Append(up ? char.ToUpperInvariant(c) : c);
            up = false;
        }
        return sb.ToString();
    }
}
