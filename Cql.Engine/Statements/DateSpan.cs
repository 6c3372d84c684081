namespace Cql.Engine.Statements;

/// <summary>A document date of partial precision ("2022", "2022-06", "2022-06-15") as the span of days it covers;
/// reports of one statement must lie within <see cref="StatementGrouper.DateWindowDays"/> of each other.</summary>
readonly record struct DateSpan(int FirstDay, int LastDay)
{
    /// <summary>The days an ISO date of any precision covers; null for no date or one that does not parse.</summary>
    public static DateSpan? Parse(string? iso)
    {
        if (string.IsNullOrEmpty(iso) || iso.Length < 4 || !int.TryParse(iso.AsSpan(0, 4), out int year) || year < 1) return null;
        if (iso.Length < 7) return Of(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        if (!int.TryParse(iso.AsSpan(5, 2), out int month) || month is < 1 or > 12) return null;
        var first = new DateOnly(year, month, 1);
        if (iso.Length < 10) return Of(first, first.AddMonths(1).AddDays(-1));
        if (!int.TryParse(iso.AsSpan(8, 2), out int day) || day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
        var d = new DateOnly(year, month, day);
        return Of(d, d);
    }

    static DateSpan Of(DateOnly first, DateOnly last) => new(first.DayNumber, last.DayNumber);

    /// <summary>Whether some day of each span lies within <paramref name="days"/> of the other.</summary>
    public bool Near(DateSpan other, int days) => FirstDay - days <= other.LastDay && other.FirstDay - days <= LastDay;

    public DateSpan Union(DateSpan other) => new(Math.Min(FirstDay, other.FirstDay), Math.Max(LastDay, other.LastDay));
}
