namespace Cql.Engine.Ingest;

/// <summary>Dates given as metadata (JSONL/CSV fields) brought to ISO of the precision given: 2022, 2022-06, 2022-06-15.</summary>
public static class DateText
{
    public static string? Normalize(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        s = s.Trim();
        // ISO and ISO-like (2022-06-15T10:00:00Z, 2022/06/15, 2022.06.15): keep year, month, day as far as given.
        if (s.Length >= 4 && AllDigits(s.AsSpan(0, 4)))
        {
            var y = s[..4];
            if (s.Length >= 7 && IsSep(s[4]) && AllDigits(s.AsSpan(5, 2)))
            {
                var m = s.Substring(5, 2);
                if (s.Length >= 10 && IsSep(s[7]) && AllDigits(s.AsSpan(8, 2))) return $"{y}-{m}-{s.Substring(8, 2)}";
                return $"{y}-{m}";
            }
            if (s.Length == 4) return y;
        }
        // European day-first (15.06.2022, 15/06/2022).
        var parts = s.Split(['.', '/', '-'], StringSplitOptions.TrimEntries);
        if (parts.Length == 3 && parts[2].Length == 4 && AllDigits(parts[2]) && AllDigits(parts[1]) && AllDigits(parts[0])
            && int.Parse(parts[1]) is >= 1 and <= 12 && int.Parse(parts[0]) is >= 1 and <= 31)
            return $"{parts[2]}-{int.Parse(parts[1]):D2}-{int.Parse(parts[0]):D2}";
        return null;
    }

    static bool IsSep(char c) => c is '-' or '/' or '.';
    static bool AllDigits(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty) return false;
        foreach (var c in s) if (c is < '0' or > '9') return false;
        return true;
    }
}
