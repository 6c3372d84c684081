using System.Globalization;

namespace Cql.Engine.Output;

/// <summary>One value of a vector as text, culture-invariant; null stays null.</summary>
public static class CellText
{
    public static string? Of(ColumnVector v, int row)
    {
        if (v.IsNull(row)) return null;
        return v.Type switch
        {
            ColumnType.Int32 => v.GetInt32(row).ToString(CultureInfo.InvariantCulture),
            ColumnType.Int64 => v.GetInt64(row).ToString(CultureInfo.InvariantCulture),
            ColumnType.Float64 => v.GetFloat64(row).ToString("R", CultureInfo.InvariantCulture),
            ColumnType.Bool => v.GetBool(row) ? "true" : "false",
            _ => v.GetString(row).ToString(),
        };
    }
}
