using Parquet;
using Parquet.Schema;

namespace Cql.Tests.Support;

/// <summary>Parquet.Net as the tests' independent reader: whole columns of one row group.</summary>
public static class ParquetNet
{
    public static async Task<T[]> Column<T>(ParquetRowGroupReader rg, DataField field) where T : struct
    {
        var values = new T[rg.RowCount];
        await rg.ReadAsync<T>(field, values.AsMemory(), null, default);
        return values;
    }

    public static async Task<string?[]> Strings(ParquetRowGroupReader rg, DataField field)
    {
        var values = new string?[rg.RowCount];
        await rg.ReadAsync(field, values.AsMemory(), null, default);
        return values;
    }

    /// <summary>A list column of non-null numbers: its values back to back, and their repetition levels (0 starts a
    /// row's list).</summary>
    public static async Task<(int[] Values, int[] Repetitions)> Int32Lists(ParquetRowGroupReader rg, DataField field)
    {
        int n = checked((int)rg.GetMetadata(field)!.MetaData!.NumValues);
        var values = new int[n];
        var definitions = new int[n];
        var repetitions = new int[n];
        await rg.ReadRawAsync<int>(field, values.AsMemory(), definitions.AsMemory(), repetitions.AsMemory(), default);
        // Every value present: no list is empty, no element null.
        if (Array.IndexOf(definitions, 0) is var empty and >= 0) throw new InvalidDataException($"{field.Name}: value {empty} is not defined");
        return (values, repetitions);
    }
}
