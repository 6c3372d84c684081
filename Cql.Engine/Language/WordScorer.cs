using System.Runtime.CompilerServices;

namespace Cql.Engine.Language;

/// <summary>
/// Scores a text word by word from a cache of each word's evidence (the caller's <see cref="LanguageWorkspace"/>). A
/// word's features depend only on its characters and its weight (plain, sentence-opening capital, capital inside a sentence), and evidence is a sum
/// of integers, so a text's evidence is the sum of its words' cached evidence: the same integers
/// <see cref="LanguageModel.Score"/> adds feature by feature, at one hash lookup a word instead of a table probe a
/// feature (ingest identifies every paragraph, sentence and quotation; news repeats its words). The scan follows
/// <see cref="LanguageFeatures.Extract"/> character for character, batch boundaries included (a batch starts a
/// sentence). Texts it cannot follow exactly are left to the caller: longer than the early-stop length, or with a
/// word longer than <see cref="LanguageFeatures.MaxWordLength"/> (which a batch may split).
/// </summary>
internal static partial class WordScorer
{
    /// <summary>A word's evidence at each weight shift (0, 1, 2), filled when first needed.</summary>
    internal sealed class WordEvidence(FeatureTable table)
    {
        /// <summary>The model's table the evidence was scored from (a pooled word keeps its evidence across documents
        /// and workspaces).</summary>
        public readonly FeatureTable Table = table;
        public readonly LanguageEvidence[] ByShift = new LanguageEvidence[3];
        public byte Known; // bit s: ByShift[s] is filled
        public int FeatureCount;
    }

    /// <summary>The lower-case letter <paramref name="text"/>[<paramref name="i"/>] adds to a word, or '\0' where it
    /// ends one. An apostrophe belongs to the word only between letters ("dell'anno", "l'homme", "don't").</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    static char WordCharAt(ReadOnlySpan<char> text, int i, int wordLength)
    {
        char lower = LanguageFeatures.LowerOf(text[i]);
        return lower == '\'' && (wordLength == 0 || i + 1 >= text.Length || !char.IsLetter(text[i + 1])) ? '\0' : lower;
    }

    /// <summary>The evidence of <paramref name="text"/> as the model's batched scoring of it would sum it; false
    /// when the text is one the caller must score itself.</summary>
    [SkipLocalsInit]
    public static bool TryScore(LanguageModel model, FeatureTable table, ReadOnlySpan<char> text, int batchFeatures, LanguageWorkspace workspace,
        out LanguageEvidence evidence)
    {
        evidence = default;
        var cache = workspace.WordsOf(model);
        var lookup = cache.GetAlternateLookup<ReadOnlySpan<char>>();
        int softLimit = LanguageFeatures.SoftLimit(batchFeatures);
        Span<char> word = stackalloc char[LanguageFeatures.MaxWordLength];
        int length = 0, shift = 0, n = 0, letters = 0;
        bool sentenceStart = true;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            char lower = WordCharAt(text, i, length);
            if (lower == '\0')
            {
                if (length > 0)
                {
                    n += AddWord(cache, lookup, table, word[..length], shift, ref evidence);
                    length = 0;
                    // The next word starts a new batch: Extract starts every batch at a sentence's start.
                    if (n > softLimit) { n = 0; sentenceStart = true; }
                }
                if (LanguageFeatures.OpensSentence(c)) sentenceStart = true;
                continue;
            }
            if (length == 0)
            {
                shift = lower == c ? 0 : sentenceStart ? 1 : 2;
                sentenceStart = false;
            }
            if (length == word.Length) return false; // a longer word: Extract may split it between batches
            if (lower != '\'') letters++;
            word[length++] = lower;
        }
        if (length > 0) AddWord(cache, lookup, table, word[..length], shift, ref evidence);
        evidence.Letters = letters;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static int AddWord(Dictionary<string, WordEvidence> cache, Dictionary<string, WordEvidence>.AlternateLookup<ReadOnlySpan<char>> lookup,
        FeatureTable table, ReadOnlySpan<char> word, int shift, ref LanguageEvidence evidence)
    {
        var w = Lookup(cache, lookup, word, table);
        if ((w.Known & (1 << shift)) == 0) Fill(w, table, word, shift);
        evidence.AddWord(in w.ByShift[shift]);
        return w.FeatureCount;
    }

    [SkipLocalsInit]
    static void Fill(WordEvidence w, FeatureTable table, ReadOnlySpan<char> word, int shift)
    {
        Span<ulong> features = stackalloc ulong[(LanguageFeatures.MaxWordLength + 2) * LanguageFeatures.MaxOrder + 1];
        int count = LanguageFeatures.WordFeatures(word, features);
        var flag = LanguageFeatures.WeightFlag(shift);
        for (int f = 0; f < count; f++) features[f] |= flag;
        LanguageEvidence e = default;
        LanguageScorer.Add(table, features[..count], ref e);
        w.ByShift[shift] = e;
        w.FeatureCount = count;
        w.Known |= (byte)(1 << shift);
    }
}
