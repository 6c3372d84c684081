using System.Runtime.CompilerServices;

namespace Cql.Engine.Language;

/// <summary>
/// The one definition of what the language model looks at, shared by the runtime scorer and the trainer
/// (scripts/langid/build.cs) so both hash exactly the same features. Words are runs of letters (an apostrophe
/// between letters stays inside: "dell'anno", "l'homme"), lowercased and padded with a boundary space; the features
/// are every character n-gram of order 1..<see cref="MaxOrder"/> of the padded word that holds a letter, plus the
/// whole word. Everything else (digits, punctuation, hyphens) only separates words.
/// </summary>
public static class LanguageFeatures
{
    /// <summary>Longest character n-gram, counting the boundary space (" og " is a 4-gram).</summary>
    public const int MaxOrder = 5;

    /// <summary>Longer "words" (URLs, glued tokens) give no word feature, only their n-grams.</summary>
    public const int MaxWordLength = 30;

    const ushort Boundary = ' ';
    const ulong WordSeed = 0x9E3779B97F4A7C15UL;
    /// <summary>Characters are 12-bit codes in the n-gram window (five fit in 60 bits, the order goes on top); the
    /// few letters above U+0FFE share one code, which no covered language uses.</summary>
    const int CodeBits = 12;
    const ushort OtherCode = 0xFFF;
    const ulong WindowMask = (1UL << (CodeBits * MaxOrder)) - 1;

    /// <summary>Lowercase form of every letter below U+0530 (Latin, Greek, Cyrillic), 0 for non-letters: the common
    /// case without char.IsLetter and char.ToLowerInvariant.</summary>
    static readonly char[] LowerLetters = BuildLowerLetters();

    /// <summary>Room <see cref="Extract"/> needs beyond the features of one character (five n-grams, then at a word's
    /// end up to four more and the word).</summary>
    const int FeaturesPerCharacterBound = 11;

    /// <summary>Room for the features of a whole word of <see cref="MaxWordLength"/> letters: a batch starts a word
    /// only with this much left, so no such word is split between batches.</summary>
    const int WordRoom = (MaxWordLength + 2) * MaxOrder + 1;

    /// <summary>The smallest feature batch <see cref="Extract"/> accepts.</summary>
    public const int MinBatch = 2 * WordRoom;

    /// <summary>
    /// Writes the features of <paramref name="text"/> into <paramref name="features"/> until it is nearly full, stopping
    /// between words when it can; returns how many characters were consumed (call again with the rest). Adds the
    /// letters seen to <paramref name="letters"/>. A feature is a 64-bit hash whose bits 27–29 hold its order
    /// (<see cref="OrderOf"/>) and bits 30–31 its weight (<see cref="NameFlag"/>): the table indexes with the low
    /// bits and fingerprints with the high 32.
    /// </summary>
    public static int Extract(ReadOnlySpan<char> text, Span<ulong> features, out int count, ref int letters)
    {
        if (features.Length < MinBatch) throw new ArgumentException($"a feature batch holds at least {MinBatch}", nameof(features));
        // The last MaxOrder character codes of the padded word, most recent in the low bits; `filled` counts them.
        ulong window = 0;
        int filled = 0;
        int wordLength = 0;
        ulong wordHash = WordSeed;
        ulong name = 0;            // NameFlag or CapitalFlag while inside a capitalised word
        bool sentenceStart = true; // at the text's start or after . ! ? a quote, a dash or a line break
        int n = 0;
        int softLimit = features.Length - WordRoom, hardLimit = features.Length - FeaturesPerCharacterBound;
        var lowerLetters = LowerLetters;
        int i = 0;
        for (; i < text.Length; i++)
        {
            // Full: stop between words, or mid-word only in a token longer than MaxWordLength (its rest then reads as
            // a new word).
            if (n > softLimit && (wordLength == 0 || n > hardLimit)) break;
            char c = text[i];
            char lower = LowerOf(c, lowerLetters);
            // An apostrophe belongs to the word only between letters ("dell'anno", "l'homme", "don't").
            if (lower == '\'' && (wordLength == 0 || i + 1 >= text.Length || !char.IsLetter(text[i + 1]))) lower = '\0';

            if (lower == '\0')
            {
                if (wordLength > 0)
                {
                    window = ((window << CodeBits) | Boundary) & WindowMask;
                    if (filled < MaxOrder) filled++;
                    n = EmitGrams(features, n, window, filled, boundary: true, name);
                    if (wordLength <= MaxWordLength) features[n++] = Tag(Finish(wordHash), 0) | name;
                    wordLength = 0;
                }
                if (OpensSentence(c)) sentenceStart = true;
                continue;
            }

            if (wordLength == 0)
            {
                // A new word: the window holds just the leading boundary.
                window = Boundary;
                filled = 1;
                wordHash = WordSeed;
                name = lower == c ? 0 : sentenceStart ? CapitalFlag : NameFlag;
                sentenceStart = false;
            }
            if (lower != '\'') letters++;
            window = ((window << CodeBits) | (lower < OtherCode ? lower : OtherCode)) & WindowMask;
            if (filled < MaxOrder) filled++;
            n = EmitGrams(features, n, window, filled, boundary: false, name);
            wordHash = (wordHash ^ lower) * 0x100000001B3UL;
            wordLength++;
        }
        if (wordLength > 0)
        {
            window = ((window << CodeBits) | Boundary) & WindowMask;
            if (filled < MaxOrder) filled++;
            n = EmitGrams(features, n, window, filled, boundary: true, name);
            if (wordLength <= MaxWordLength) features[n++] = Tag(Finish(wordHash), 0) | name;
        }
        count = n;
        return i;
    }

    /// <summary>The lower-case code of <paramref name="c"/> in a word (’ reads as '), or '\0' when it is no word
    /// character. An apostrophe belongs to a word only between letters: the caller decides that.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static char LowerOf(char c) => LowerOf(c, LowerLetters);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static char LowerOf(char c, char[] lowerLetters)
    {
        if (c < (uint)lowerLetters.Length) return lowerLetters[c];
        if (c == '\u2019') return '\'';
        return char.IsLetter(c) ? char.ToLowerInvariant(c) : '\0';
    }

    /// <summary>After one of these, a capitalised word opens a sentence (and counts half, not a quarter).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool OpensSentence(char c) => c is '.' or '!' or '?' or '"' or '«' or '»' or '“' or '”' or '„' or '–' or '—' or '\n';

    /// <summary>Where <see cref="Extract"/> stops filling a batch of <paramref name="batchLength"/> between words.</summary>
    internal static int SoftLimit(int batchLength) => batchLength - WordRoom;

    /// <summary>The weight flag <see cref="Extract"/> gives a word's features for a weight shift (0, 1, 2).</summary>
    internal static ulong WeightFlag(int shift) => (ulong)shift << WeightShift;

    /// <summary>The features <see cref="Extract"/> writes for one word of at most <see cref="MaxWordLength"/>
    /// characters, given their lower-case codes (apostrophes included), without weight flags; returns how many.
    /// A word's features depend on nothing but its characters and its weight.</summary>
    internal static int WordFeatures(ReadOnlySpan<char> lowered, Span<ulong> features)
    {
        ulong window = Boundary, wordHash = WordSeed;
        int filled = 1, n = 0;
        foreach (char lower in lowered)
        {
            window = ((window << CodeBits) | (lower < OtherCode ? lower : OtherCode)) & WindowMask;
            if (filled < MaxOrder) filled++;
            n = EmitGrams(features, n, window, filled, boundary: false, 0);
            wordHash = (wordHash ^ lower) * 0x100000001B3UL;
        }
        window = ((window << CodeBits) | Boundary) & WindowMask;
        if (filled < MaxOrder) filled++;
        n = EmitGrams(features, n, window, filled, boundary: true, 0);
        if (lowered.Length <= MaxWordLength) features[n++] = Tag(Finish(wordHash), 0);
        return n;
    }

    /// <summary>The order of a feature <see cref="Extract"/> wrote: 1..<see cref="MaxOrder"/> for n-grams, 0 for words.</summary>
    public static int OrderOf(ulong feature) => (int)(feature >> OrderShift) & 7;

    /// <summary>Set on the features of a capitalised word inside a sentence: mostly a name ("Zemlianichenko",
    /// "Reuters"), which says little about the language around it, so the scorer counts it a quarter. Bits 30–31 of
    /// a feature are how far the scorer shifts its penalties right. The trainer counts every feature alike (see
    /// <see cref="WithoutWeight"/>).</summary>
    public const ulong NameFlag = 2UL << WeightShift;

    /// <summary>Set on the features of a capitalised word that starts a sentence: as often a name ("Putin sa …") as
    /// not ("Det var …"), so it counts half.</summary>
    public const ulong CapitalFlag = 1UL << WeightShift;

    /// <summary>The feature itself, without the weight its capitalisation gave it.</summary>
    public static ulong WithoutWeight(ulong feature) => feature & ~(3UL << WeightShift);

    /// <summary>How many bits the scorer shifts this feature's penalties right: 0, or 1 and 2 for capitalised words.</summary>
    public static int WeightShiftOf(ulong feature) => (int)(feature >> WeightShift) & 3;

    /// <summary>The table may index with bits below this one only (at most 2^27 slots).</summary>
    public const int OrderShift = 27;
    const int WeightShift = 30;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static ulong Tag(ulong hash, int order) => (hash & ~(31UL << OrderShift)) | ((ulong)order << OrderShift);

    /// <summary>The n-grams that end with the newest character of <paramref name="window"/>: the low n codes, tagged
    /// with n. A boundary alone is no feature.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static int EmitGrams(Span<ulong> features, int n, ulong window, int filled, bool boundary, ulong name)
    {
        if (!boundary) features[n++] = Tag(Finish((window & 0xFFF) | 1UL << 60), 1) | name;
        if (filled < 2) return n;
        features[n++] = Tag(Finish((window & 0xFFF_FFF) | 2UL << 60), 2) | name;
        if (filled < 3) return n;
        features[n++] = Tag(Finish((window & 0xFFF_FFF_FFF) | 3UL << 60), 3) | name;
        if (filled < 4) return n;
        features[n++] = Tag(Finish((window & 0xFFF_FFF_FFF_FFF) | 4UL << 60), 4) | name;
        if (filled < 5) return n;
        features[n++] = Tag(Finish((window & 0xFFF_FFF_FFF_FFF_FFF) | 5UL << 60), 5) | name;
        return n;
    }

    /// <summary>Murmur3's finaliser: spreads the bits so the low ones can index a table and the high ones fingerprint it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static ulong Finish(ulong h)
    {
        h ^= h >> 33; h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33; h *= 0xC4CEB9FE1A85EC53UL;
        h ^= h >> 33;
        return h;
    }

    static char[] BuildLowerLetters()
    {
        var table = new char[0x530];
        for (int c = 0; c < table.Length; c++)
            table[c] = char.IsLetter((char)c) ? char.ToLowerInvariant((char)c) : c is '\'' ? '\'' : '\0';
        return table;
    }
}
