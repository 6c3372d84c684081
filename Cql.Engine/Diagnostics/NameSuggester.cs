namespace Cql.Engine.Diagnostics;

/// <summary>Finds the known name nearest to a mistyped one (Damerau–Levenshtein distance, case-insensitive).</summary>
public static class NameSuggester
{
    /// <summary>The closest candidate within a distance that still reads as a typo (about a third of the word),
    /// or null. A candidate that starts with the typed text wins outright ("spe" → "speaker").</summary>
    public static string? Nearest(string typed, IEnumerable<string> candidates)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        var t = typed.ToLowerInvariant();
        foreach (var c in candidates)
        {
            var lc = c.ToLowerInvariant();
            if (lc == t) return c;
            int d = Distance(t, lc);
            if (t.Length >= 3 && lc.StartsWith(t, StringComparison.Ordinal)) d = Math.Min(d, 1);
            if (d < bestDistance) { best = c; bestDistance = d; }
        }
        int allowed = Math.Max(1, (typed.Length + 1) / 3);
        return bestDistance <= allowed ? best : null;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }
}
