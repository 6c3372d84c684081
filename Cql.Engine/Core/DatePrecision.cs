using System.Globalization;

namespace Cql.Engine.Core;

/// <summary>
/// A corpus date is stored as a Parquet DATE holding the first day of its period, with the period's precision
/// (year, month, day) in a text column named after it (<c>date_precision</c>), so other tools compute with the date
/// and CQL keeps the ISO text of the precision the article gave ("2022-06"). This is the one place that turns
/// one form into the other.
/// </summary>
public static class DatePrecision
{
    public const string Year = "year", Month = "month", Day = "day";

    /// <summary>The column that holds a date column's precision.</summary>
    public static string ColumnOf(string dateColumn) => dateColumn + "_precision";

    /// <summary>The precision of an ISO date of 4, 7 or 10 characters.</summary>
    public static string Of(string iso) => iso.Length switch
    {
        4 => Year,
        7 => Month,
        10 => Day,
        _ => throw new ArgumentException($"'{iso}' is not an ISO date of year, month or day precision"),
    };

    /// <summary>The first day of an ISO date's period, as days from 1970-01-01 (Parquet's DATE).</summary>
    public static int FirstDay(string iso)
    {
        var full = iso.Length switch { 4 => iso + "-01-01", 7 => iso + "-01", _ => iso };
        if (!DateOnly.TryParseExact(full, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            throw new ArgumentException($"'{iso}' is not an ISO date");
        return d.DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;
    }

    /// <summary>How many characters of a day's ISO text ("2022-06-15") the precision keeps: 4, 7 or 10; -1 for
    /// text that names no precision.</summary>
    public static int TextLength(ReadOnlySpan<char> precision) => precision switch
    {
        Year => 4,
        Month => 7,
        Day => 10,
        _ => -1,
    };
}
