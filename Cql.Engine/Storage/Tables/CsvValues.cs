using System.Globalization;

namespace Cql.Engine.Storage.Tables;

/// <summary>
/// The rule that types a CSV column, and the parsing that follows it: a column is whole numbers (Int64) when every
/// value that is not empty is one, else decimal numbers (Float64) when every one is a number, else true/false
/// (Bool), else ISO dates YYYY-MM-DD (Date), else text. Spaces around a number, a boolean or a date are ignored;
/// text is kept as written. An empty value is null whatever the type; a column of nothing but empty values is text.
/// </summary>
public static class CsvValues
{
    /// <summary>The types a column may still be, as bits, narrowed value by value.</summary>
    [Flags]
    public enum Candidates : byte { None = 0, Integer = 1, Number = 2, Bool = 4, Date = 8, All = Integer | Number | Bool | Date }

    /// <summary>Which of the remaining candidates <paramref name="value"/> (not empty) still allows.</summary>
    public static Candidates Narrow(Candidates still, ReadOnlySpan<char> value)
    {
        var v = value.Trim(' ');
        var keep = Candidates.None;
        if ((still & Candidates.Integer) != 0 && TryInteger(v, out _)) keep |= Candidates.Integer;
        if ((still & Candidates.Number) != 0 && TryNumber(v, out _)) keep |= Candidates.Number;
        if ((still & Candidates.Bool) != 0 && TryBool(v, out _)) keep |= Candidates.Bool;
        if ((still & Candidates.Date) != 0 && IsDate(v)) keep |= Candidates.Date;
        return keep;
    }

    /// <summary>The column's type once every value has narrowed <paramref name="left"/>; text when nothing was seen.</summary>
    public static ColumnType TypeOf(Candidates left, bool sawValue) =>
        !sawValue ? ColumnType.String
        : (left & Candidates.Integer) != 0 ? ColumnType.Int64
        : (left & Candidates.Number) != 0 ? ColumnType.Float64
        : (left & Candidates.Bool) != 0 ? ColumnType.Bool
        : (left & Candidates.Date) != 0 ? ColumnType.Date
        : ColumnType.String;

    public static bool TryInteger(ReadOnlySpan<char> v, out long value) =>
        long.TryParse(v.Trim(' '), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

    /// <summary>A decimal number with an optional exponent; never NaN or infinity, which are words, not data.</summary>
    public static bool TryNumber(ReadOnlySpan<char> v, out double value)
    {
        v = v.Trim(' ');
        value = 0;
        if (v.IndexOfAnyInRange('0', '9') < 0) return false;
        return double.TryParse(v, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
            CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    public static bool TryBool(ReadOnlySpan<char> v, out bool value)
    {
        v = v.Trim(' ');
        value = v.Equals("true", StringComparison.OrdinalIgnoreCase);
        return value || v.Equals("false", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>YYYY-MM-DD, a day that exists.</summary>
    public static bool IsDate(ReadOnlySpan<char> v)
    {
        v = v.Trim(' ');
        return v.Length == 10 && v[4] == '-' && v[7] == '-'
            && DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _);
    }
}
