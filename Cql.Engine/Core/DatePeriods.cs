using System.Globalization;

namespace Cql.Engine.Core;

/// <summary>The periods bucket(DATE, UNIT) puts dates in.</summary>
public enum PeriodUnit { Day, Week, Month, Quarter, Year }

/// <summary>
/// Calendar periods as ISO text: a day <c>2022-06-15</c>, an ISO week <c>2022-W23</c> (weeks start on Monday and
/// belong to the year of their Thursday, so 2021-01-01 is in 2020-W53), a month <c>2022-06</c>, a quarter
/// <c>2022-Q2</c>, a year <c>2022</c>. Each form sorts as text in time order. Stored dates keep the precision the
/// article gave (<c>2022</c>, <c>2022-06</c>, <c>2022-06-15</c>); a date known only to a coarser precision than a
/// period needs has no period of that unit (a month cannot be put in a week).
/// </summary>
public static class DatePeriods
{
    /// <summary>The units as the language writes them, for messages.</summary>
    public const string UnitNames = "day, week, month, quarter, year";

    /// <summary>The longest period text (a day).</summary>
    public const int MaxLength = 10;

    public static bool TryParseUnit(string name, out PeriodUnit unit)
    {
        switch (name.ToLowerInvariant())
        {
            case "day": unit = PeriodUnit.Day; return true;
            case "week": unit = PeriodUnit.Week; return true;
            case "month": unit = PeriodUnit.Month; return true;
            case "quarter": unit = PeriodUnit.Quarter; return true;
            case "year": unit = PeriodUnit.Year; return true;
            default: unit = default; return false;
        }
    }

    public static string Name(PeriodUnit unit) => unit.ToString().ToLowerInvariant();

    /// <summary>
    /// Writes the period of <paramref name="date"/> (an ISO date of any precision) into <paramref name="into"/>
    /// (at least <see cref="MaxLength"/> long) and returns its length; -1 when the date is not a valid ISO date or
    /// is known only to a coarser precision than the unit needs.
    /// </summary>
    public static int Bucket(ReadOnlySpan<char> date, PeriodUnit unit, Span<char> into)
    {
        if (!TryParse(date, out int year, out int month, out int day)) return -1;
        switch (unit)
        {
            case PeriodUnit.Year:
                return Write(into, year, 4, 0);
            case PeriodUnit.Quarter:
                if (month == 0) return -1;
                Write(into, year, 4, 0);
                into[4] = '-'; into[5] = 'Q'; into[6] = (char)('1' + (month - 1) / 3);
                return 7;
            case PeriodUnit.Month:
                if (month == 0) return -1;
                Write(into, year, 4, 0);
                into[4] = '-';
                return Write(into, month, 2, 5);
            case PeriodUnit.Week:
            {
                if (day == 0) return -1;
                var d = new DateTime(year, month, day);
                Write(into, ISOWeek.GetYear(d), 4, 0);
                into[4] = '-'; into[5] = 'W';
                return Write(into, ISOWeek.GetWeekOfYear(d), 2, 6);
            }
            default:
                if (day == 0) return -1;
                date[..10].CopyTo(into);
                return 10;
        }
    }

    /// <summary>The period of a date as a string (null when it has none): for tests and single values.</summary>
    public static string? Bucket(string date, PeriodUnit unit)
    {
        Span<char> buffer = stackalloc char[MaxLength];
        int n = Bucket(date, unit, buffer);
        return n < 0 ? null : new string(buffer[..n]);
    }

    /// <summary>The period after <paramref name="period"/> (2022-W52 → 2023-W01 or 2022-W53, 2022-Q4 → 2023-Q1);
    /// null when it is not a period of the unit or the next would pass the year 9999.</summary>
    public static string? Next(string period, PeriodUnit unit)
    {
        if (UnitOf(period) != unit) return null;
        int year = int.Parse(period.AsSpan(0, 4), CultureInfo.InvariantCulture);
        switch (unit)
        {
            case PeriodUnit.Year:
                return year >= 9999 ? null : (year + 1).ToString("D4", CultureInfo.InvariantCulture);
            case PeriodUnit.Quarter:
            {
                int q = period[6] - '0';
                if (q == 4 && year >= 9999) return null;
                return q == 4 ? $"{year + 1:D4}-Q1" : $"{year:D4}-Q{q + 1}";
            }
            case PeriodUnit.Month:
            {
                int m = int.Parse(period.AsSpan(5, 2), CultureInfo.InvariantCulture);
                if (m == 12 && year >= 9999) return null;
                return m == 12 ? $"{year + 1:D4}-01" : $"{year:D4}-{m + 1:D2}";
            }
            case PeriodUnit.Week:
            {
                int w = int.Parse(period.AsSpan(6, 2), CultureInfo.InvariantCulture);
                if (w < ISOWeek.GetWeeksInYear(year)) return $"{year:D4}-W{w + 1:D2}";
                return year >= 9999 ? null : $"{year + 1:D4}-W01";
            }
            default:
            {
                var d = DateOnly.ParseExact(period, "yyyy-MM-dd", CultureInfo.InvariantCulture);
                return d == DateOnly.MaxValue ? null : d.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
        }
    }

    /// <summary>The unit of a period's text, or null when the text is no period.</summary>
    public static PeriodUnit? UnitOf(string period)
    {
        if (period.Length < 4 || !AllDigits(period.AsSpan(0, 4))) return null;
        switch (period.Length)
        {
            case 4: return PeriodUnit.Year;
            case 7 when period[4] == '-' && period[5] == 'Q' && period[6] is >= '1' and <= '4': return PeriodUnit.Quarter;
            case 7 when period[4] == '-' && TryParse(period, out _, out int m, out _) && m > 0: return PeriodUnit.Month;
            case 8 when period[4] == '-' && period[5] == 'W' && AllDigits(period.AsSpan(6, 2)):
            {
                int year = int.Parse(period.AsSpan(0, 4), CultureInfo.InvariantCulture);
                int w = int.Parse(period.AsSpan(6, 2), CultureInfo.InvariantCulture);
                return year >= 1 && w >= 1 && w <= ISOWeek.GetWeeksInYear(year) ? PeriodUnit.Week : null;
            }
            case 10 when TryParse(period, out _, out _, out int d) && d > 0: return PeriodUnit.Day;
            default: return null;
        }
    }

    /// <summary>Reads YYYY, YYYY-MM or YYYY-MM-DD; month and day are 0 when not given. False for anything else or an
    /// impossible date (2022-13, 2022-02-30).</summary>
    static bool TryParse(ReadOnlySpan<char> s, out int year, out int month, out int day)
    {
        year = month = day = 0;
        if (s.Length is not (4 or 7 or 10) || !AllDigits(s[..4])) return false;
        year = Digits(s[..4]);
        if (year < 1) return false;
        if (s.Length == 4) return true;
        if (s[4] != '-' || !AllDigits(s.Slice(5, 2))) return false;
        month = Digits(s.Slice(5, 2));
        if (month is < 1 or > 12) return false;
        if (s.Length == 7) return true;
        if (s[7] != '-' || !AllDigits(s.Slice(8, 2))) return false;
        day = Digits(s.Slice(8, 2));
        return day >= 1 && day <= DateTime.DaysInMonth(year, month);
    }

    static bool AllDigits(ReadOnlySpan<char> s)
    {
        foreach (char c in s) if (c is < '0' or > '9') return false;
        return true;
    }

    static int Digits(ReadOnlySpan<char> s)
    {
        int v = 0;
        foreach (char c in s) v = v * 10 + (c - '0');
        return v;
    }

    static int Write(Span<char> into, int value, int width, int at)
    {
        for (int i = width - 1; i >= 0; i--, value /= 10) into[at + i] = (char)('0' + value % 10);
        return at + width;
    }
}
