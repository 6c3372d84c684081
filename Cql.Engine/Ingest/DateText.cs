using Cql.Engine.Text;

namespace Cql.Engine.Ingest;

/// <summary>
/// Dates given as metadata (JSONL/CSV fields) brought to ISO of the precision given: 2022, 2022-06, 2022-06-15.
/// Accepts what feeds and exports write: ISO with or without a time, day-first numbers, month names in the
/// ingested languages ("9. januar 2025", "15 giugno 2022", "March 3, 2024", "Thu, 03 Mar 2024 10:00:00 GMT"),
/// a leading label ("Publisert 2025-01-09"), compact 20240303, and Unix time in seconds or milliseconds.
/// </summary>
public static class DateText
{
    public static string? Normalize(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        s = s.Trim();
        if (AllDigits(s) && FromDigits(s) is { } fromDigits) return fromDigits;
        int start = DateLine.SkipLabel(s, 0, s.Length, out _);
        if (!DateParser.TryParse(s, start, s.Length, allowYearOnly: true, out var iso, out int end)) return null;
        // Only a time of day may follow the date ("T10:00:00Z", " 10:00 +0100", ", kl. 14.32"); "2022 was a year" is no date.
        return DateLine.SkipTimeAndSeparators(s, end, s.Length) == s.Length ? iso : null;
    }

    /// <summary>A year (2022), a compact date (20220615) or Unix time in seconds (10 digits) or milliseconds (13).</summary>
    static string? FromDigits(string s)
    {
        switch (s.Length)
        {
            case 4:
                return s;
            case 8:
                int y = int.Parse(s.AsSpan(0, 4)), m = int.Parse(s.AsSpan(4, 2)), d = int.Parse(s.AsSpan(6, 2));
                return y is >= 1000 and <= 2999 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m) ? $"{s[..4]}-{s[4..6]}-{s[6..]}" : null;
            case 10 or 13:
                long value = long.Parse(s);
                var t = s.Length == 10 ? DateTimeOffset.FromUnixTimeSeconds(value) : DateTimeOffset.FromUnixTimeMilliseconds(value);
                return t.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            default:
                return null;
        }
    }

    static bool AllDigits(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty) return false;
        foreach (var c in s) if (c is < '0' or > '9') return false;
        return true;
    }
}
