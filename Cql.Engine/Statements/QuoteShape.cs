namespace Cql.Engine.Statements;

/// <summary>A report kept for comparison with later quotes: its word bigrams (for copies in its own language) and
/// the concepts of each content word (for translations and fragments).</summary>
sealed class QuoteShape(int statement, string lang, uint[] shingles, uint[][] concepts, string[] numbers, string? speaker)
{
    public int Statement { get; } = statement;
    public string Lang { get; } = lang;
    /// <summary>Hashes of the lowercased word bigrams (the word itself for a one-word quote), sorted, distinct.</summary>
    public uint[] Shingles { get; } = shingles;
    /// <summary>For each content word, its concepts (<see cref="StatementLexicon.Concepts"/>).</summary>
    public uint[][] Concepts { get; } = concepts;
    /// <summary>The runs of digits, sorted, distinct ("2,4" and "2.4" both give "2" and "4").</summary>
    public string[] Numbers { get; } = numbers;
    public string? Speaker { get; } = speaker;

    /// <summary>A copy with the statement it was filed under.</summary>
    public QuoteShape WithStatement(int id) => new(id, Lang, Shingles, Concepts, Numbers, Speaker);

    public static QuoteShape Of(int statement, GroupedQuote q, StatementLexicon lexicon, List<string> words)
    {
        words.Clear();
        Words(q.Text, words);
        var shingles = new List<uint>(words.Count);
        if (words.Count == 1) shingles.Add(Hash(words[0], ""));
        for (int i = 0; i + 1 < words.Count; i++) shingles.Add(Hash(words[i], words[i + 1]));
        shingles.Sort();
        var concepts = new List<uint[]>(words.Count);
        var numbers = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var w in words)
        {
            if (char.IsDigit(w[0])) numbers.Add(w);
            if (!lexicon.IsStopword(q.Lang, w)) concepts.Add(lexicon.Concepts(q.Lang, w));
        }
        return new QuoteShape(statement, q.Lang, [.. shingles.Distinct()], [.. concepts], [.. numbers], q.Speaker);
    }

    /// <summary>Whether the numbers of two reports contradict: both give numbers and neither's are all in the
    /// other's ("2.4 percent by 2026" against "3 percent by 2030"). A translation keeps its numbers; a fragment may
    /// keep some of them.</summary>
    public static bool NumbersDisagree(string[] a, string[] b)
    {
        if (a.Length == 0 || b.Length == 0) return false;
        return !Within(a, b) && !Within(b, a);
    }

    static bool Within(string[] small, string[] large)
    {
        foreach (var n in small)
            if (Array.BinarySearch(large, n, StringComparer.Ordinal) < 0) return false;
        return true;
    }

    /// <summary>Lowercased runs of letters and digits.</summary>
    static void Words(string text, List<string> into)
    {
        int start = -1;
        for (int i = 0; i <= text.Length; i++)
        {
            bool inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                into.Add(text[start..i].ToLowerInvariant());
                start = -1;
            }
        }
    }

    static uint Hash(string a, string b)
    {
        uint h = 2166136261;
        foreach (var c in a) h = (h ^ c) * 16777619;
        h = (h ^ ' ') * 16777619;
        foreach (var c in b) h = (h ^ c) * 16777619;
        return h;
    }

    /// <summary>Jaccard similarity and containment (overlap over the smaller set) of two sorted shingle sets.</summary>
    public static (double Jaccard, double Containment) Overlap(uint[] a, uint[] b)
    {
        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { common++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        int union = a.Length + b.Length - common, smaller = Math.Min(a.Length, b.Length);
        return (union == 0 ? 0 : (double)common / union, smaller == 0 ? 0 : (double)common / smaller);
    }

    /// <summary>How many of this report's content words share a concept with <paramref name="other"/>'s.</summary>
    public int WordsMatchedIn(HashSet<uint> other)
    {
        int n = 0;
        foreach (var word in Concepts)
            foreach (var c in word)
                if (other.Contains(c)) { n++; break; }
        return n;
    }
}
