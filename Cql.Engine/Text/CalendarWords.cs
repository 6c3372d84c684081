using Cql.Engine.LanguageData;
using System.Collections.Frozen;

namespace Cql.Engine.Text;

/// <summary>
/// Month and weekday names, full and abbreviated, from LanguageData/calendar.tsv, in the inflected forms dates use
/// ("9. januar", "15 giugno", "9 января", "3. marca"), and the articles before a date. All languages at once.
/// </summary>
static class CalendarWords
{
    const string File = "calendar.tsv";

    static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> MonthLookup =
        BuildMonths().GetAlternateLookup<ReadOnlySpan<char>>();
    static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Weekdays =
        LanguageFiles.Entries(File, "weekdays").ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    /// <summary>Two-letter weekday abbreviations (German, Dutch) are words of their own too, so they count only
    /// when a dot or comma follows them.</summary>
    static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ShortWeekdays =
        LanguageFiles.Entries(File, "weekdays-short").ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    /// <summary>Case-sensitive: "Den" opens a date line, but "OP" or "W" would be an abbreviation.</summary>
    static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> DateArticles =
        LanguageFiles.Entries(File, "date-article").ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Each "months" row lists twelve entries, January first; an entry holds its month's forms, space-separated.</summary>
    static FrozenDictionary<string, int> BuildMonths()
    {
        var d = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in LanguageFiles.Rows(File))
        {
            if (row.Kind != "months") continue;
            if (row.Entries.Length != 12) throw new FormatException($"{File}: the months of '{row.Lang}' are {row.Entries.Length}, not 12");
            for (int m = 0; m < 12; m++)
                foreach (var name in row.Entries[m].Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    // The same form for two months would make a date's month depend on the order of the rows.
                    if (d.TryGetValue(name, out var had) && had != m + 1)
                        throw new FormatException($"{File}: '{name}' is month {had} and month {m + 1}");
                    d[name] = m + 1;
                }
        }
        return d.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The month (1–12) a name or abbreviation stands for, or 0.</summary>
    public static int Month(ReadOnlySpan<char> word) => MonthLookup.TryGetValue(word, out var m) ? m : 0;

    /// <summary>True for a weekday name; <paramref name="followedByPunctuation"/> admits the two-letter forms.</summary>
    public static bool IsWeekday(ReadOnlySpan<char> word, bool followedByPunctuation) =>
        Weekdays.Contains(word) || (followedByPunctuation && ShortWeekdays.Contains(word));

    /// <summary>A word that may stand between a weekday and its date: "Torsdag den 9. januar", "le 3 mars".</summary>
    public static bool IsArticleBeforeDate(ReadOnlySpan<char> word) => DateArticles.Contains(word);
}
