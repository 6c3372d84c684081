using System.IO.Compression;
using System.Reflection;

namespace Cql.Engine.Statements;

/// <summary>
/// What a quote's words mean across languages: each content word becomes a few "concepts" — its own first five
/// letters with accents folded (names, numbers and cognates: "bilaterale", "bilateral"; "Östersjön", "Østersjøen")
/// and the first five letters of each English
/// translation the FreeDict and Apertium word lists give it (<c>Data/lexicon.tsv.gz</c>) — so two quotes in different languages
/// can be compared by how many of their words share a concept. Function words (<c>Data/stopwords.tsv</c>) have none.
/// </summary>
public sealed class StatementLexicon
{
    const int ConceptLetters = 5;
    // Per language, each word's English translations as their concepts: the English words themselves are never needed.
    readonly Dictionary<string, Dictionary<string, uint[]>> _pivots;
    readonly Dictionary<string, HashSet<string>> _stopwords;

    StatementLexicon(Dictionary<string, Dictionary<string, uint[]>> pivots, Dictionary<string, HashSet<string>> stopwords)
    {
        _pivots = pivots;
        _stopwords = stopwords;
    }

    /// <summary>The lexicon shipped in the engine (loaded on first use, ~0.3 s).</summary>
    public static StatementLexicon Default => _default.Value;
    static readonly Lazy<StatementLexicon> _default = new(LoadDefault);

    static StatementLexicon LoadDefault()
    {
        var asm = typeof(StatementLexicon).Assembly;
        var pivots = new Dictionary<string, Dictionary<string, uint[]>>(StringComparer.Ordinal);
        var translations = new List<uint>();
        Dictionary<string, uint[]>? words = null;
        string lang = "";
        using (var gz = new GZipStream(Resource(asm, "lexicon.tsv.gz"), CompressionMode.Decompress))
        using (var r = new StreamReader(gz))
            while (r.ReadLine() is { } line)
            {
                if (line.StartsWith('#')) continue;
                var rest = line.AsSpan();
                int tab = rest.IndexOf('\t');
                if (tab < 0) continue;
                var l = rest[..tab];
                rest = rest[(tab + 1)..];
                if ((tab = rest.IndexOf('\t')) < 0) continue;
                if (words is null || !l.SequenceEqual(lang))
                {
                    lang = l.ToString();
                    if (!pivots.TryGetValue(lang, out words)) pivots[lang] = words = new(StringComparer.Ordinal);
                }
                translations.Clear();
                foreach (var e in rest[(tab + 1)..].Split(' '))
                {
                    uint c = Concept(rest[(tab + 1)..][e]);
                    if (!translations.Contains(c)) translations.Add(c);
                }
                words[rest[..tab].ToString()] = [.. translations];
            }
        var stopwords = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        using (var r = new StreamReader(Resource(asm, "stopwords.tsv")))
            while (r.ReadLine() is { } line)
            {
                if (line.StartsWith('#') || line.Split('\t') is not [var language, var list]) continue;
                stopwords[language] = new HashSet<string>(list.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
            }
        return new StatementLexicon(pivots, stopwords);
    }

    static Stream Resource(Assembly asm, string name) =>
        asm.GetManifestResourceStream("Cql.Engine.Statements.Data." + name)
        ?? throw new InvalidOperationException("missing embedded resource Cql.Engine.Statements.Data." + name);

    /// <summary>Whether a lowercased word carries no content in its language (or, for an unknown language, in any).</summary>
    public bool IsStopword(string lang, string word)
    {
        // A lone letter ("a", "è" split off by an apostrophe) says nothing of content; a lone digit does.
        if (word.Length == 1 && !char.IsDigit(word[0])) return true;
        if (_stopwords.TryGetValue(lang, out var set)) return set.Contains(word);
        foreach (var s in _stopwords.Values) if (s.Contains(word)) return true;
        return false;
    }

    /// <summary>The concepts of a lowercased content word of language <paramref name="lang"/> (worked out anew on
    /// every call: a grouper keeps what it asked in its <see cref="ConceptCache"/>, and the lexicon, shared by every
    /// thread, is never written after it is loaded).</summary>
    public uint[] Concepts(string lang, string word)
    {
        var concepts = new List<uint> { Concept(Fold(word)) };
        if (Translations(lang, word) is { } english)
            foreach (var c in english)
                if (!concepts.Contains(c)) concepts.Add(c);
        // A number word means its value, as the digits of another report do ("elva länder", "11 countries").
        if (NumberWords.Value(lang, word) is { } value) concepts.Add(NumberConcept(value));
        return [.. concepts];
    }

    /// <summary>The concepts of the English translations of a word, found as written, for an inflected form by its stem
    /// ("Beziehungen" → "Beziehung", "relazioni" → "relazione"), a short word by its definite form ("året" → "år"),
    /// a conjugated verb by its infinitive (<see cref="VerbForms"/>: "parlano" → "parlare", before a compound's head
    /// finds "anno" in "raddoppieranno"), or a compound by its head and its first part ("Entwicklungsdynamik" → "Dynamik", "Entwicklung"); a
    /// Scandinavian word its own list lacks is looked up in its neighbours' (<see cref="Neighbours"/>).</summary>
    uint[]? Translations(string lang, string word)
    {
        if (lang == "en") return _pivots.TryGetValue(lang, out var irregular) && irregular.TryGetValue(word, out var lemma) ? lemma : EnglishStem(word);
        if (Find(lang, word) is { } own) return own;
        if (Neighbours.TryGetValue(lang, out var neighbours))
            foreach (var n in neighbours)
                if (Find(n, word) is { } t) return t;
        return null;
    }

    // The other languages' words translate to English citation forms ("open", "work", "fee"); an English quote inflects
    // them ("opened", "works", "fees"), and a short stem's first letters then differ. Irregular forms are in the list.
    static uint[]? EnglishStem(string word)
    {
        int cut = word.Length switch
        {
            > 5 when word.EndsWith("ing", StringComparison.Ordinal) => 3,
            > 4 when word.EndsWith("ied", StringComparison.Ordinal) || word.EndsWith("ies", StringComparison.Ordinal) => 3,
            > 4 when word.EndsWith("ed", StringComparison.Ordinal) => 2,
            > 3 when word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) => 1,
            _ => 0,
        };
        if (cut == 0) return null;
        var stem = word[..^cut];
        if (cut == 3 && word[^1] is 'd' or 's') stem += 'y'; // "denied", "parties"
        else if (stem.Length > 2 && stem[^1] == stem[^2] && stem[^1] is not ('s' or 'l' or 'e' or 'o')) stem = stem[..^1]; // "stopped"
        return [Concept(Fold(stem))];
    }

    uint[]? Find(string lang, string word) =>
        _pivots.TryGetValue(lang, out var words)
            ? Inflected(words, word) ?? ShortDefinite(words, word) ?? VerbForms.Find(lang, words, word) ?? Compound(words, word)
            : null;

    // Danish, Norwegian (both written standards) and Swedish share most of their words, and the word lists of each
    // are thin; a short quote's language is told apart among them least surely ("Vi har intet gjort forkert" reads as
    // Nynorsk), so a word missing from one list is looked for in the others, nearest first.
    static readonly Dictionary<string, string[]> Neighbours = new(StringComparer.Ordinal)
    {
        ["da"] = ["no", "nn", "sv"],
        ["no"] = ["da", "nn", "sv"],
        ["nb"] = ["no", "da", "nn", "sv"],
        ["nn"] = ["no", "da", "sv"],
        ["sv"] = ["no", "da", "nn"],
    };

    // The Scandinavian definite article is a suffix; on a short noun the stem left is shorter than Inflected allows.
    static uint[]? ShortDefinite(Dictionary<string, uint[]> words, string word)
    {
        foreach (var suffix in (ReadOnlySpan<string>)["et", "en", "a"])
            if (word.Length - suffix.Length >= 2 && word.EndsWith(suffix, StringComparison.Ordinal)
                && words.TryGetValue(word[..^suffix.Length], out var t)) return t;
        return null;
    }

    // German and Scandinavian compounds are written as one word; the longest known head (four letters at least)
    // carries the meaning, and the part before it (without a linking "s" or "e") adds its own.
    static uint[]? Compound(Dictionary<string, uint[]> words, string word)
    {
        for (int split = 4; split <= word.Length - 4; split++)
        {
            if (Inflected(words, word[split..]) is not { } head) continue;
            var first = word[..split];
            var modifier = Inflected(words, first) ?? (first[^1] is 's' or 'e' ? Inflected(words, first[..^1]) : null);
            return modifier is null ? head : [.. head, .. modifier];
        }
        return null;
    }

    static uint[]? Inflected(Dictionary<string, uint[]> words, string word)
    {
        if (words.TryGetValue(word, out var direct)) return direct;
        foreach (var suffix in Suffixes)
        {
            if (!word.EndsWith(suffix, StringComparison.Ordinal) || word.Length - suffix.Length < 4) continue;
            var stem = word[..^suffix.Length];
            if (words.TryGetValue(stem, out var t)) return t;
            foreach (var ending in Endings)
                if (words.TryGetValue(stem + ending, out t)) return t;
        }
        return null;
    }

    // Inflectional endings of the lexicon's languages, longest first; a stem may need a citation-form vowel back.
    static readonly string[] Suffixes = ["erne", "ene", "ens", "ets", "arna", "orna", "erna", "ern", "en", "et", "er", "ar", "or", "na", "es", "em", "s", "e", "n", "i", "a", "o", "t"];
    static readonly string[] Endings = ["e", "o", "a", "en"];

    // Cognates differ in their accents more than in their letters ("Östersjön", "Østersjøen"; "legittimità").
    static string Fold(string word)
    {
        Span<char> folded = stackalloc char[Math.Min(word.Length, ConceptLetters)];
        for (int i = 0; i < folded.Length; i++)
            folded[i] = word[i] switch
            {
                'å' or 'ä' or 'à' or 'á' or 'â' or 'æ' => 'a',
                'ö' or 'ø' or 'ò' or 'ó' or 'ô' => 'o',
                'ü' or 'ù' or 'ú' or 'û' => 'u',
                'é' or 'è' or 'ê' or 'ë' => 'e',
                'ì' or 'í' or 'î' => 'i',
                'ß' => 's',
                'ç' => 'c',
                var c => c,
            };
        return new string(folded);
    }

    /// <summary>The concept of a number's value (<see cref="QuoteNumbers"/>), all its digits: "62000" is not
    /// "6200000", as the first letters of a word would have it.</summary>
    internal static uint NumberConcept(string value)
    {
        uint h = 2166136261;
        h = (h ^ '#') * 16777619;
        foreach (var c in value) h = (h ^ c) * 16777619;
        return h;
    }

    static uint Concept(ReadOnlySpan<char> word)
    {
        // FNV-1a over the first letters: stable across runs (string.GetHashCode is not), so ids are deterministic.
        uint h = 2166136261;
        int n = Math.Min(word.Length, ConceptLetters);
        for (int i = 0; i < n; i++) h = (h ^ word[i]) * 16777619;
        return h;
    }
}
