using System.Runtime.InteropServices;

namespace Cql.Engine.Statements;

/// <summary>A report kept for comparison with later quotes: its word bigrams (for copies in its own language) and
/// the concepts of each content word (for translations and fragments).</summary>
sealed class QuoteShape(int statement, string lang, uint[] shingles, uint[][] concepts, uint[] allConcepts, string[] numbers, string? speaker)
{
    public int Statement { get; } = statement;
    public string Lang { get; } = lang;
    /// <summary>Hashes of the lowercased word bigrams (the word itself for a one-word quote), sorted, distinct.</summary>
    public uint[] Shingles { get; } = shingles;
    /// <summary>For each content word, its concepts (<see cref="StatementLexicon.Concepts"/>).</summary>
    public uint[][] Concepts { get; } = concepts;
    /// <summary>The concepts of all its content words, sorted, distinct.</summary>
    public uint[] AllConcepts { get; } = allConcepts;
    /// <summary>The numbers as values (<see cref="QuoteNumbers"/>: "6.2 million" and "6.200.000" are both
    /// "6200000"), sorted, distinct.</summary>
    public string[] Numbers { get; } = numbers;
    public string? Speaker { get; } = speaker;
    /// <summary>How much each content word tells (<see cref="StatementGrouper"/> sets it when it indexes the report:
    /// a word most reports share tells least); empty until then.</summary>
    public float[] Weights { get; private set; } = [];
    /// <summary>The sum of <see cref="Weights"/>.</summary>
    public float WeightSum { get; private set; }

    public void SetWeights(float[] weights, float sum)
    {
        Weights = weights;
        WeightSum = sum;
    }

    /// <summary>A copy with the statement it was filed under.</summary>
    public QuoteShape WithStatement(int id) => new(id, Lang, Shingles, Concepts, AllConcepts, Numbers, Speaker);

    /// <summary>What <see cref="Of"/> reuses from quote to quote: no list or lowercased word is allocated per quote.</summary>
    public sealed class Buffers
    {
        public char[] Lower = new char[256];
        public readonly List<(int Start, int Length)> Words = [];
        public readonly List<uint> Shingles = [];
        public readonly List<uint[]> Concepts = [];
        public readonly List<string> Numbers = [];
        public readonly List<QuoteNumbers.Number> NumberSpans = [];
    }

    public static QuoteShape Of(int statement, GroupedQuote q, ConceptCache lexicon, Buffers b)
    {
        var text = q.Text;
        if (b.Lower.Length < text.Length) b.Lower = new char[Math.Max(text.Length, b.Lower.Length * 2)];
        var lower = b.Lower.AsSpan(0, text.Length);
        text.AsSpan().ToLowerInvariant(lower);
        var words = b.Words;
        words.Clear();
        Words(text, words);
        var shingles = b.Shingles;
        shingles.Clear();
        if (words.Count == 1) shingles.Add(Hash(Word(lower, words[0]), ""));
        for (int i = 0; i + 1 < words.Count; i++) shingles.Add(Hash(Word(lower, words[i]), Word(lower, words[i + 1])));
        shingles.Sort();
        b.Concepts.Clear();
        b.Numbers.Clear();
        var numbers = b.NumberSpans;
        numbers.Clear();
        QuoteNumbers.Read(text, q.Lang, numbers);
        int n = 0;
        foreach (var range in words)
        {
            while (n < numbers.Count && numbers[n].End <= range.Start) n++;
            if (n < numbers.Count && range.Start >= numbers[n].Start)
            {
                // A number is one word whatever its digit groups and "million": its value.
                if (range.Start == numbers[n].Start)
                {
                    b.Numbers.Add(numbers[n].Value);
                    b.Concepts.Add([StatementLexicon.NumberConcept(numbers[n].Value)]);
                }
                continue;
            }
            var w = Word(lower, range);
            if (char.IsDigit(w[0])) b.Numbers.Add(w.ToString());
            if (lexicon.Of(q.Lang, w) is { } c) b.Concepts.Add(c);
        }
        b.Numbers.Sort(StringComparer.Ordinal);
        uint[][] concepts = [.. b.Concepts];
        return new QuoteShape(statement, q.Lang, Distinct(CollectionsMarshal.AsSpan(shingles)), concepts, Flatten(concepts),
            Distinct(CollectionsMarshal.AsSpan(b.Numbers)), q.Speaker);
    }

    static ReadOnlySpan<char> Word(ReadOnlySpan<char> lower, (int Start, int Length) range) => lower.Slice(range.Start, range.Length);

    /// <summary>The distinct values of a sorted span.</summary>
    static T[] Distinct<T>(Span<T> sorted)
    {
        int n = 0;
        for (int i = 0; i < sorted.Length; i++)
            if (n == 0 || !EqualityComparer<T>.Default.Equals(sorted[i], sorted[n - 1])) sorted[n++] = sorted[i];
        return sorted[..n].ToArray();
    }

    /// <summary>Whether the numbers of two reports contradict: both give numbers and neither's are all in the
    /// other's ("2.4 percent by 2026" against "3 percent by 2030"). A translation keeps its numbers; a fragment may
    /// keep some of them.</summary>
    public static bool NumbersDisagree(string[] a, string[] b)
    {
        if (a.Length == 0 || b.Length == 0) return false;
        return !Within(a, b) && !Within(b, a);
    }

    /// <summary>Whether one report gives numbers and the other, with as many content words at least, gives none: not
    /// a fragment that left them out, so a translation only if the two share most of their words.</summary>
    public static bool LeavesOutNumbers(QuoteShape a, QuoteShape b) =>
        a.Numbers.Length == 0 ? b.Numbers.Length > 0 && a.Concepts.Length >= b.Concepts.Length
            : b.Numbers.Length == 0 && b.Concepts.Length >= a.Concepts.Length;

    static bool Within(string[] small, string[] large)
    {
        foreach (var n in small)
            if (Array.BinarySearch(large, n, StringComparer.Ordinal) < 0) return false;
        return true;
    }

    /// <summary>The runs of letters and digits.</summary>
    static void Words(string text, List<(int Start, int Length)> into)
    {
        int start = -1;
        for (int i = 0; i <= text.Length; i++)
        {
            bool inWord = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (inWord && start < 0) start = i;
            else if (!inWord && start >= 0)
            {
                into.Add((start, i - start));
                start = -1;
            }
        }
    }

    static uint Hash(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
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

    /// <summary>How many of this report's content words share a concept with another's
    /// (<paramref name="other"/>: its <see cref="AllConcepts"/>).</summary>
    public int WordsMatchedIn(uint[] other)
    {
        int n = 0;
        foreach (var word in Concepts)
            foreach (var c in word)
                if (Array.BinarySearch(other, c) >= 0) { n++; break; }
        return n;
    }

    /// <summary>The summed <paramref name="weights"/> of this report's content words that share a concept with another's
    /// (<paramref name="other"/>: its <see cref="AllConcepts"/>), and how many they are.</summary>
    public (float Weight, int Words) WeightMatchedIn(uint[] other, ReadOnlySpan<float> weights)
    {
        float w = 0;
        int n = 0;
        for (int i = 0; i < Concepts.Length; i++)
            foreach (var c in Concepts[i])
                if (Array.BinarySearch(other, c) >= 0) { w += weights[i]; n++; break; }
        return (w, n);
    }

    static uint[] Flatten(uint[][] concepts)
    {
        int n = 0;
        foreach (var word in concepts) n += word.Length;
        var all = new uint[n];
        int at = 0;
        foreach (var word in concepts)
        {
            word.CopyTo(all, at);
            at += word.Length;
        }
        Array.Sort(all);
        int distinct = 0;
        for (int i = 0; i < all.Length; i++)
            if (distinct == 0 || all[i] != all[distinct - 1]) all[distinct++] = all[i];
        return distinct == all.Length ? all : all[..distinct];
    }
}
