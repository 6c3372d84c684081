using System.Text.RegularExpressions;

namespace Cql.Engine.Text;

/// <summary>
/// Reads one calendar date written the ways news sites and feeds write them, and gives it as ISO with the
/// precision written: 2022, 2022-06 or 2022-06-15. Understood: ISO (2022-06-15, 2022/06/15, 2022-06);
/// day-first numbers (15.06.2022, 15/6/2022, 9. 1. 2025; month-first only when the day cannot be a month:
/// 03/15/2024); day, month name, year ("9. januar 2025", "15 giugno 2022", "1er mars 2024", "15 de junio de 2024",
/// "3rd of March 2024", "9 января 2025 г."); month name, day, year ("March 3, 2024"); month name and year
/// ("juni 2022"). A weekday and an article before the date are skipped ("Torsdag den 9. januar 2025",
/// "Thu, 03 Mar 2024").
/// </summary>
static partial class DateParser
{
    /// <summary>Tries to read a date starting at <paramref name="start"/>; <paramref name="end"/> is where it stops.</summary>
    public static bool TryParse(string text, int start, int limit, bool allowYearOnly, out string iso, out int end)
    {
        if (TryParseDate(text, start, limit, allowYearOnly, out iso, out end)) return true;
        // "Torsdag den 9. januar", "Thu, 03 Mar 2024", "le 3 mars", "am 12.03.2024": skip the words before the date.
        int i = start;
        for (int words = 0; words < 2; words++)
        {
            int w = i;
            while (w < limit && char.IsLetter(text[w])) w++;
            if (w == i) break;
            var word = text.AsSpan(i, w - i);
            bool punct = w < limit && text[w] is '.' or ',';
            if (!CalendarWords.IsWeekday(word, punct) && !CalendarWords.IsArticleBeforeDate(word)) break;
            while (w < limit && text[w] is '.' or ',') w++;
            if (w >= limit || !char.IsWhiteSpace(text[w])) break;
            i = TextChars.SkipSpaces(text, w, limit);
            if (TryParseDate(text, i, limit, allowYearOnly, out iso, out end)) return true;
        }
        iso = "";
        end = start;
        return false;
    }

    static bool TryParseDate(string text, int start, int limit, bool allowYearOnly, out string iso, out int end)
    {
        iso = "";
        end = start;
        if (start >= limit) return false;
        int length = limit - start;
        if (char.IsDigit(text[start]))
        {
            foreach (var regex in (ReadOnlySpan<Regex>)[IsoDate(), DayFirstNumeric(), DayMonthNameYear()])
            {
                var m = regex.Match(text, start, length);
                if (m.Success && FromMatch(m, out iso)) { end = m.Index + m.Length; return true; }
            }
            var y = YearOnly().Match(text, start, length);
            if (allowYearOnly && y.Success && FromMatch(y, out iso)) { end = y.Index + y.Length; return true; }
            return false;
        }
        if (!char.IsLetter(text[start])) return false;
        foreach (var regex in (ReadOnlySpan<Regex>)[MonthNameDayYear(), MonthNameYear()])
        {
            var m = regex.Match(text, start, length);
            if (m.Success && FromMatch(m, out iso)) { end = m.Index + m.Length; return true; }
        }
        return false;
    }

    /// <summary>ISO from the named groups y, m (number) or mon (name), d; false when they name no real date.</summary>
    static bool FromMatch(Match m, out string iso)
    {
        iso = "";
        int year = int.Parse(m.Groups["y"].ValueSpan);
        if (year is < 1000 or > 2999) return false;
        int month = m.Groups["mon"].Success ? CalendarWords.Month(m.Groups["mon"].ValueSpan)
            : m.Groups["m"].Success ? int.Parse(m.Groups["m"].ValueSpan) : 0;
        int day = m.Groups["d"].Success ? int.Parse(m.Groups["d"].ValueSpan) : 0;
        if (m.Groups["mon"].Success && month == 0) return false;
        // 03/15/2024 can only be month-first.
        if (m.Groups["dmy"].Success && month > 12 && day is >= 1 and <= 12) (month, day) = (day, month);
        if (month == 0) { iso = year.ToString("D4"); return !m.Groups["m"].Success; }
        if (month > 12) return false;
        if (day == 0) { iso = $"{year:D4}-{month:D2}"; return !m.Groups["d"].Success; }
        if (day > DateTime.DaysInMonth(year, month)) return false;
        iso = $"{year:D4}-{month:D2}-{day:D2}";
        return true;
    }

    // The trailing look-aheads keep a date from being the start of a longer number ("2022-06-155", "2022-13").
    [GeneratedRegex(@"\G(?<y>\d{4})(?<s>[-/.])(?<m>\d{1,2})(?:\k<s>(?<d>\d{1,2}))?(?![\d]|[-/.]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"\G(?<dmy>(?<d>\d{1,2})(?<s>[./-])\s?(?<m>\d{1,2})\k<s>\s?(?<y>\d{4}))(?![\d]|[-/.]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex DayFirstNumeric();

    [GeneratedRegex(@"\G(?<d>\d{1,2})(?:\.|er|e|st|nd|rd|th|º|°|ª)?\s*(?:(?:de|of)\s+)?(?<mon>\p{L}+)\.?,?\s*(?:(?:de|del)\s+)?(?<y>\d{4})(?![\d])(?:\s*(?:г\.|r\.))?",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DayMonthNameYear();

    [GeneratedRegex(@"\G(?<mon>\p{L}+)\.?\s+(?<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?<y>\d{4})(?![\d])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex MonthNameDayYear();

    [GeneratedRegex(@"\G(?<mon>\p{L}+)\.?\s+(?:(?:de|del)\s+)?(?<y>\d{4})(?![\d])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex MonthNameYear();

    [GeneratedRegex(@"\G(?<y>\d{4})(?![\d]|[-/.]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex YearOnly();
}
