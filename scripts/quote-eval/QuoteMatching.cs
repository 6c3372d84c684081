namespace QuoteEval;

/// <summary>A half-open character span [Start, End) of a document text.</summary>
public readonly record struct Span(int Start, int End);

/// <summary>How a gold attribution's content is written: wholly in quotation marks, partly, or not at all.</summary>
public enum QuoteKind { Direct, Mixed, Indirect }

/// <summary>Which side a found quote's token overlap is measured against.</summary>
public enum OverlapRule
{
    /// <summary>Shared tokens ≥ threshold × the gold content's tokens and ≥ threshold × the found quote's tokens.</summary>
    Symmetric,
    /// <summary>Shared tokens ≥ threshold × the gold content's tokens only (a found quote may run longer).</summary>
    Gold,
}

/// <summary>
/// The scorer's rules, kept free of corpus reading and of the extractor so a test can hold them: word tokens, the
/// kind of a gold content span by the quotation marks around its words, token overlap, one-to-one greedy matching,
/// and whether a speaker matches the gold source.
/// </summary>
public static class QuoteMatching
{
    /// <summary>Double quotation marks of every convention; single marks are left out because ’ is also the
    /// apostrophe ("didn’t"), and a nested quote sits inside a double one anyway.</summary>
    public const string DoubleMarks = "\"“”„‟«»〝〞";

    /// <summary>The word tokens of <paramref name="text"/>: maximal runs of letters and digits.</summary>
    public static List<Span> WordTokens(string text)
    {
        var tokens = new List<Span>();
        for (int i = 0; i < text.Length;)
        {
            if (!char.IsLetterOrDigit(text[i])) { i++; continue; }
            int start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i])) i++;
            tokens.Add(new Span(start, i));
        }
        return tokens;
    }

    /// <summary>Indexes into <paramref name="tokens"/> of the tokens that start inside one of <paramref name="parts"/>.</summary>
    public static HashSet<int> TokensIn(IReadOnlyList<Span> tokens, IEnumerable<Span> parts)
    {
        var set = new HashSet<int>();
        foreach (var p in parts)
            for (int k = FirstAtOrAfter(tokens, p.Start); k < tokens.Count && tokens[k].Start < p.End; k++) set.Add(k);
        return set;
    }

    static int FirstAtOrAfter(IReadOnlyList<Span> tokens, int offset)
    {
        int lo = 0, hi = tokens.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (tokens[mid].Start < offset) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>
    /// For each token, whether it lies between quotation marks. A mark in <paramref name="opening"/> opens, one in
    /// <paramref name="closing"/> closes, any other double mark (the straight ") toggles, and a line break closes
    /// whatever is open (a quote continued in the next paragraph opens again with its own mark). Languages differ:
    /// English opens with “ and closes with ”, German opens with „ and closes with “.
    /// </summary>
    public static bool[] InsideMarks(string text, IReadOnlyList<Span> tokens, string opening, string closing)
    {
        var inside = new bool[tokens.Count];
        bool open = false;
        int k = 0;
        for (int i = 0; i < text.Length && k < tokens.Count; i++)
        {
            while (k < tokens.Count && tokens[k].Start == i) inside[k++] = open;
            char c = text[i];
            if (c == '\n') open = false;
            else if (opening.Contains(c)) open = true;
            else if (closing.Contains(c)) open = false;
            else if (DoubleMarks.Contains(c)) open = !open;
        }
        return inside;
    }

    /// <summary>Direct when every content token is inside marks, mixed when some are, indirect when none are.</summary>
    public static QuoteKind Classify(IEnumerable<int> contentTokens, bool[] insideMarks)
    {
        int n = 0, quoted = 0;
        foreach (var k in contentTokens) { n++; if (insideMarks[k]) quoted++; }
        return quoted == 0 ? QuoteKind.Indirect : quoted == n ? QuoteKind.Direct : QuoteKind.Mixed;
    }

    /// <summary>Whether a found quote with <paramref name="foundCount"/> tokens sharing <paramref name="shared"/> of
    /// a gold content's <paramref name="goldCount"/> tokens counts as the same quote.</summary>
    public static bool Overlaps(int shared, int goldCount, int foundCount, double threshold, OverlapRule rule) =>
        goldCount > 0 && foundCount > 0 && shared >= threshold * goldCount
        && (rule == OverlapRule.Gold || shared >= threshold * foundCount);

    /// <summary>
    /// Pairs gold contents with found quotes. First one to one: of all pairs that pass <see cref="Overlaps"/>, the
    /// one with the highest overlap score (shared / the larger token count) first, then the next among those left.
    /// Then, unless <paramref name="oneToOne"/>, pieces: a gold content still unmatched takes every unmatched found
    /// quote lying inside it (≥ threshold of the found quote's tokens are gold tokens) when together they cover
    /// ≥ threshold of its tokens — a direct quote interrupted by its cue ("“A,” she said, “B.”") is one attribution
    /// in the gold and two quotes in our output. Returns, for each found quote, the index of its gold or -1.
    /// </summary>
    public static int[] Match(IReadOnlyList<HashSet<int>> gold, IReadOnlyList<HashSet<int>> found, double threshold, OverlapRule rule, bool oneToOne = false)
    {
        var shared = new int[gold.Count, found.Count];
        var pairs = new List<(double Score, int G, int F)>();
        for (int g = 0; g < gold.Count; g++)
            for (int f = 0; f < found.Count; f++)
            {
                foreach (var t in found[f]) if (gold[g].Contains(t)) shared[g, f]++;
                if (Overlaps(shared[g, f], gold[g].Count, found[f].Count, threshold, rule))
                    pairs.Add(((double)shared[g, f] / Math.Max(gold[g].Count, found[f].Count), g, f));
            }
        pairs.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.G != b.G ? a.G.CompareTo(b.G) : a.F.CompareTo(b.F));
        var foundTo = Enumerable.Repeat(-1, found.Count).ToArray();
        var goldMatched = new bool[gold.Count];
        foreach (var (_, g, f) in pairs)
            if (!goldMatched[g] && foundTo[f] < 0) { foundTo[f] = g; goldMatched[g] = true; }
        if (oneToOne) return foundTo;
        for (int g = 0; g < gold.Count; g++)
        {
            if (goldMatched[g] || gold[g].Count == 0) continue;
            var pieces = Enumerable.Range(0, found.Count)
                .Where(f => foundTo[f] < 0 && found[f].Count > 0 && shared[g, f] >= threshold * found[f].Count).ToList();
            if (pieces.Count < 2 || pieces.Sum(f => shared[g, f]) < threshold * gold[g].Count) continue;
            foreach (var f in pieces) foundTo[f] = g;
        }
        return foundTo;
    }

    /// <summary>The head word of a gold source span: the head of its first noun phrase, which ends at the first comma
    /// and before a parenthesis or a post-modifier ("who", "whose", "of", "at", "for"): its last word when that
    /// starts with a capital letter (the name in "Sen. Richard Blumenthal", "UFCW Local 832 president Jeff Traeger",
    /// "Kenneth Baer, a former official who runs Crosscut Strategies", "Rep. Jim Clyburn (D-S.C.)"); a common noun
    /// followed by a name in apposition gives the name ("Another critic, Laurence H. Tribe,"); else the phrase's last
    /// capitalised word, else its last word ("a source", "he").</summary>
    public static string? SourceHead(string source)
    {
        var parts = source.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0) return null;
        var (last, lastCapital) = LastWords(FirstPhrase(parts[0]));
        if (last is not null && char.IsUpper(last[0])) return last;
        if (parts.Length > 1 && LastWords(FirstPhrase(parts[1])) is (_, { } apposition)) return apposition;
        return lastCapital ?? last;
    }

    static readonly string[] PostModifiers = [" who ", " whose ", " which ", " of ", " at ", " for ", "("];

    /// <summary>A comma-free part of a source up to its first post-modifier.</summary>
    static string FirstPhrase(string part)
    {
        int cut = part.Length;
        foreach (var m in PostModifiers)
        {
            int at = part.IndexOf(m, StringComparison.Ordinal);
            if (at > 0 && at < cut) cut = at;
        }
        return part[..cut];
    }

    static (string? Last, string? LastCapital) LastWords(string s)
    {
        string? last = null, lastCapital = null;
        foreach (var t in WordTokens(s))
        {
            last = s[t.Start..t.End];
            if (char.IsUpper(last[0])) lastCapital = last;
        }
        return (last, lastCapital);
    }

    /// <summary>Strict: the gold source's head word is a word of our speaker text or canonical speaker.</summary>
    public static bool SpeakerStrict(string goldSource, string? speaker, string? speakerText)
    {
        var head = SourceHead(goldSource);
        return head is not null && Words(speaker).Concat(Words(speakerText)).Contains(head, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Lenient: any capitalised word of the gold source, or its head, is a word of our speaker text or
    /// canonical speaker ("Hillary Clinton" against "Clinton’s campaign" or "Hillary").</summary>
    public static bool SpeakerLenient(string goldSource, string? speaker, string? speakerText)
    {
        var ours = new HashSet<string>(Words(speaker).Concat(Words(speakerText)), StringComparer.OrdinalIgnoreCase);
        var head = SourceHead(goldSource);
        return Words(goldSource).Any(w => (char.IsUpper(w[0]) || w == head) && ours.Contains(w));
    }

    static IEnumerable<string> Words(string? s) => s is null ? [] : WordTokens(s).Select(t => s[t.Start..t.End]);
}
