using System.Globalization;

namespace HtmlEval;

/// <summary>How extracted metadata is compared with the gold: titles exactly (white space collapsed), dates to the
/// precision the gold gives, authors as sets, outlets and URLs ignoring case and a trailing slash.</summary>
public static class MetadataMatch
{
    public static bool Title(string? ours, string gold) => Collapse(ours) == Collapse(gold);

    /// <summary>A gold date of a day, month or year matches our date (docs.date) at that precision; a gold time
    /// ("2024-03-12T14:05+01:00") needs our published_at at the same moment (to the minute, or to the second when
    /// the gold has seconds), and the same offset when the gold gives one.</summary>
    public static bool Date(string? ourDate, string? ourMoment, string gold)
    {
        gold = gold.Trim();
        if (gold.Length == 0) return ourDate is null;
        int t = gold.IndexOf('T');
        if (t < 0) return ourDate is not null && ourDate == gold;
        if (ourMoment is null) return false;
        var (goldLocal, goldOffset) = Split(gold);
        var (ourLocal, ourOffset) = Split(ourMoment);
        if (goldOffset is not null && goldOffset != ourOffset) return false;
        // Gold without seconds compares to the minute.
        return ourLocal.StartsWith(goldLocal, StringComparison.Ordinal);
    }

    static (string Local, string? Offset) Split(string moment)
    {
        if (moment.EndsWith('Z')) return (moment[..^1], "+00:00");
        int t = moment.IndexOf('T');
        int sign = moment.LastIndexOfAny(['+', '-']);
        if (sign > t) return (moment[..sign], moment[sign..]);
        return (moment, null);
    }

    public static bool Authors(string? ours, string gold)
    {
        static SortedSet<string> Set(string? s) => new((s ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(a => Collapse(a).ToLower(CultureInfo.InvariantCulture)), StringComparer.Ordinal);
        return Set(ours).SetEquals(Set(gold));
    }

    public static bool Outlet(string? ours, string gold) => string.Equals(Collapse(ours), Collapse(gold), StringComparison.OrdinalIgnoreCase);

    public static bool Url(string? ours, string gold) =>
        string.Equals((ours ?? "").TrimEnd('/'), gold.Trim().TrimEnd('/'), StringComparison.OrdinalIgnoreCase);

    static string Collapse(string? s) => string.Join(' ', (s ?? "").Normalize().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
