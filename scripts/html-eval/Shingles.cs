namespace HtmlEval;

/// <summary>Article-body overlap as the issue measures it: the 4-word shingles of two texts (lowercased words,
/// punctuation dropped) compared as multisets; texts under four words compare their words.</summary>
public static class Shingles
{
    public const int Size = 4;

    public static (double Precision, double Recall, double F1) Score(string ours, string gold)
    {
        var a = Count(ours);
        var g = Count(gold);
        int common = 0, totalA = 0, totalG = 0;
        foreach (var (k, n) in a) { totalA += n; common += Math.Min(n, g.GetValueOrDefault(k)); }
        foreach (var n in g.Values) totalG += n;
        if (totalA == 0 && totalG == 0) return (1, 1, 1);
        double p = totalA == 0 ? 0 : (double)common / totalA, r = totalG == 0 ? 0 : (double)common / totalG;
        return (p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
    }

    public static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        foreach (var c in text.Normalize(System.Text.NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(c)) current.Append(char.ToLowerInvariant(c));
            else if (current.Length > 0) { words.Add(current.ToString()); current.Clear(); }
        }
        if (current.Length > 0) words.Add(current.ToString());
        return words;
    }

    static Dictionary<string, int> Count(string text)
    {
        var words = Words(text);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (words.Count < Size)
        {
            if (words.Count > 0) counts[string.Join(' ', words)] = 1;
            return counts;
        }
        for (int i = 0; i + Size <= words.Count; i++)
        {
            var key = string.Join(' ', words, i, Size);
            counts[key] = counts.GetValueOrDefault(key) + 1;
        }
        return counts;
    }
}
