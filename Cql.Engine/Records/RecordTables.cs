using System.Reflection;
using Parquet;
using Parquet.Schema;

namespace Cql.Engine.Records;

/// <summary>
/// Loads a corpus table as typed records. Columns are matched to the record's constructor parameters by name
/// (doc_id ↔ DocId). This is the edge where rows become objects — for C# users, never on the query path.
/// </summary>
public static class RecordTables
{
    public static List<T> Load<T>(IReadOnlyList<string> files, CancellationToken ct = default) =>
        LoadAsync<T>(files, ct).GetAwaiter().GetResult();

    static async Task<List<T>> LoadAsync<T>(IReadOnlyList<string> files, CancellationToken ct)
    {
        var ctor = typeof(T).GetConstructors().Single(c => c.GetParameters().Length > 0);
        var ps = ctor.GetParameters();
        var list = new List<T>();
        foreach (var file in files)
        {
            await using var reader = await OpenAsync(file, ct);
            var fields = reader.Schema.GetDataFields();
            var byParam = new DataField?[ps.Length];
            for (int i = 0; i < ps.Length; i++)
                byParam[i] = Array.Find(fields, f => string.Equals(Pascal(f.Name), ps[i].Name, StringComparison.OrdinalIgnoreCase));
            for (int g = 0; g < reader.RowGroupCount; g++)
            {
                using var rg = reader.OpenRowGroupReader(g);
                int n = (int)rg.RowCount;
                var columns = new Array?[ps.Length];
                for (int i = 0; i < ps.Length; i++)
                    if (byParam[i] is { } f) columns[i] = await ReadAsync(rg, f, ps[i].ParameterType, n, ct);
                var args = new object?[ps.Length];
                for (int r = 0; r < n; r++)
                {
                    for (int i = 0; i < ps.Length; i++) args[i] = columns[i]?.GetValue(r) ?? Default(ps[i]);
                    list.Add((T)ctor.Invoke(args));
                }
            }
        }
        return list;
    }

    static object? Default(ParameterInfo p) => p.ParameterType.IsValueType ? Activator.CreateInstance(p.ParameterType) : p.ParameterType == typeof(string) && !IsNullable(p) ? "" : null;

    static bool IsNullable(ParameterInfo p) => new NullabilityInfoContext().Create(p).WriteState == NullabilityState.Nullable;

    static async Task<ParquetReader> OpenAsync(string file, CancellationToken ct)
    {
        try { return await ParquetReader.CreateAsync(file, null, ct); }
        catch (Exception e) when (e is IOException or InvalidDataException or ParquetException)
        {
            throw new Storage.CorpusException($"cannot read '{file}': {e.Message}", e);
        }
    }

    static async Task<Array> ReadAsync(ParquetRowGroupReader rg, DataField f, Type type, int n, CancellationToken ct)
    {
        if (type == typeof(int)) { var a = new int[n]; await rg.ReadAsync(f, a.AsMemory(), null, ct); return a; }
        if (type == typeof(long)) { var a = new long[n]; await rg.ReadAsync(f, a.AsMemory(), null, ct); return a; }
        if (type == typeof(double)) { var a = new double[n]; await rg.ReadAsync(f, a.AsMemory(), null, ct); return a; }
        if (type == typeof(bool)) { var a = new bool[n]; await rg.ReadAsync(f, a.AsMemory(), null, ct); return a; }
        var s = new string?[n];
        await rg.ReadAsync(f, s.AsMemory(), null, ct);
        return s;
    }

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
