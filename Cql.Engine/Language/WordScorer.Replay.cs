using Cql.Engine.Text;
using System.Runtime.CompilerServices;

namespace Cql.Engine.Language;

/// <summary>
/// Ingest identifies a document's body, then each paragraph, then each sentence of a longer paragraph: the same
/// words read, lowered and looked up three times. Here a document is read once into its words, each with its cached
/// evidence, and a range of it is scored by replaying its words: the same sums <see cref="TryScore"/> makes of the
/// range's text. A replay declines (and the caller scores the text itself) when a range cuts a word, or holds one
/// longer than <see cref="LanguageFeatures.MaxWordLength"/>.
/// </summary>
internal static partial class WordScorer
{
    /// <summary>The words of one text as <see cref="TryScore"/> reads them. Its owner refills it for each text it
    /// reads (<see cref="Read"/>): ingest keeps one per worker, since growing fresh arrays for every document was a
    /// tenth of ingest's allocation.</summary>
    internal sealed class TextWords
    {
        const int InitialCapacity = 256;
        /// <summary>Arrays up to this many words are kept between texts (a news article has a few hundred to a few
        /// thousand); a longer text's arrays are dropped at the next read.</summary>
        internal const int MaxKeptCapacity = 1 << 16;

        internal LanguageModel Model { get; private set; } = null!;
        internal FeatureTable Table { get; private set; } = null!;
        /// <summary>The cache the words' evidence came from, which scoring the text itself uses too.</summary>
        internal LanguageWorkspace Workspace { get; private set; } = null!;
        internal string Text { get; private set; } = "";
        internal int Count;
        internal int[] Starts = [], Ends = [];
        /// <summary>Null for a word too long to score word by word.</summary>
        internal WordEvidence?[] Evidence = [];
        internal byte[] Flags = [];
        internal int[] Letters = [];

        /// <summary>Empties the words for a new text, keeping arrays of a bounded size.</summary>
        internal void Reset(LanguageModel model, FeatureTable table, LanguageWorkspace workspace, string text)
        {
            Model = model;
            Table = table;
            Workspace = workspace;
            Text = text;
            Count = 0;
            if (Starts.Length is 0 or > MaxKeptCapacity)
            {
                Starts = new int[InitialCapacity];
                Ends = new int[InitialCapacity];
                Evidence = new WordEvidence?[InitialCapacity];
                Flags = new byte[InitialCapacity];
                Letters = new int[InitialCapacity];
            }
        }

        internal void Add(int start, int end, WordEvidence? evidence, byte flags, int letters)
        {
            if (Count == Starts.Length)
            {
                int size = Count * 2;
                Array.Resize(ref Starts, size);
                Array.Resize(ref Ends, size);
                Array.Resize(ref Evidence, size);
                Array.Resize(ref Flags, size);
                Array.Resize(ref Letters, size);
            }
            Starts[Count] = start;
            Ends[Count] = end;
            Evidence[Count] = evidence;
            Flags[Count] = flags;
            Letters[Count] = letters;
            Count++;
        }
    }

    /// <summary>The word's first letter is a capital (its weight depends on whether it opens a sentence).</summary>
    const byte Capital = 1;
    /// <summary>A character that opens a sentence stands between the previous word and this one.</summary>
    const byte AfterSentenceOpener = 2;

    /// <summary>Reads <paramref name="text"/> into <paramref name="words"/> (what it held before is gone), character for
    /// character as <see cref="TryScore"/>, each word's evidence from <paramref name="workspace"/>. With a
    /// <paramref name="pool"/> (ingest's, begun on <paramref name="text"/>) each word is taken from it by its range and
    /// keeps its evidence there: one hash lookup a word, which the quote tokenizer and the tokens table, cutting the
    /// same words after, then find by position instead of hashing them again.</summary>
    [SkipLocalsInit]
    internal static TextWords Read(LanguageModel model, FeatureTable table, LanguageWorkspace workspace, string text, TextWords words,
        TokenStringPool? pool = null)
    {
        words.Reset(model, table, workspace, text);
        var cache = workspace.WordsOf(model);
        var lookup = cache.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> word = stackalloc char[LanguageFeatures.MaxWordLength];
        int length = 0, start = 0, letters = 0;
        bool tooLong = false, opener = false;
        byte flags = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            char lower = WordCharAt(text, i, length);
            if (lower == '\0')
            {
                if (length > 0)
                {
                    words.Add(start, i, tooLong ? null : Evidence(cache, lookup, table, pool, text, start, i, word[..length]), flags, letters);
                    length = 0;
                    letters = 0;
                    tooLong = false;
                    opener = false;
                }
                if (LanguageFeatures.OpensSentence(c)) opener = true;
                continue;
            }
            if (length == 0)
            {
                start = i;
                flags = (byte)((lower == c ? 0 : Capital) | (opener ? AfterSentenceOpener : 0));
            }
            if (lower != '\'') letters++;
            if (length == word.Length) tooLong = true; // counted on as a word, never scored: replays decline it
            else word[length] = lower;
            if (!tooLong) length++;
        }
        if (length > 0) words.Add(start, text.Length, tooLong ? null : Evidence(cache, lookup, table, pool, text, start, text.Length, word[..length]), flags, letters);
        return words;
    }

    /// <summary>The evidence of the word [<paramref name="start"/>, <paramref name="end"/>) of <paramref name="text"/>,
    /// lowered as <paramref name="lowered"/>: kept on its pooled word when there is a pool (evidence depends only on
    /// the word and the table, so every pooled spelling of it shares one), else cached by its lowered form.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static WordEvidence Evidence(Dictionary<string, WordEvidence> cache, Dictionary<string, WordEvidence>.AlternateLookup<ReadOnlySpan<char>> lookup,
        FeatureTable table, TokenStringPool? pool, string text, int start, int end, ReadOnlySpan<char> lowered)
    {
        if (pool is null) return Lookup(cache, lookup, lowered, table);
        var pooled = pool.Word(text, start, end);
        if (pooled.LanguageNotes is WordEvidence known && known.Table == table) return known;
        var evidence = Lookup(cache, lookup, lowered, table);
        pooled.LanguageNotes = evidence;
        return evidence;
    }

    /// <summary>The cached evidence of <paramref name="word"/>, a new empty entry when it has none.</summary>
    static WordEvidence Lookup(Dictionary<string, WordEvidence> cache, Dictionary<string, WordEvidence>.AlternateLookup<ReadOnlySpan<char>> lookup,
        ReadOnlySpan<char> word, FeatureTable table)
    {
        if (lookup.TryGetValue(word, out var w)) return w;
        if (cache.Count >= LanguageWorkspace.MaxWords) cache.Clear();
        w = new WordEvidence(table);
        lookup[word] = w;
        return w;
    }

    /// <summary>The state a scan carries from word to word (and, for joined texts, from range to range).</summary>
    internal struct ReplayState
    {
        internal int Features;
        internal int Letters;
        internal bool SentenceStart;
    }

    /// <summary>Adds the words of [<paramref name="start"/>, <paramref name="end"/>) to <paramref name="evidence"/>
    /// as <see cref="TryScore"/> would reading that range, the range opening a sentence; false when it cannot.</summary>
    [SkipLocalsInit]
    internal static bool TryReplay(TextWords words, int start, int end, int batchFeatures, ref ReplayState state, ref LanguageEvidence evidence)
    {
        int softLimit = LanguageFeatures.SoftLimit(batchFeatures);
        var starts = words.Starts;
        int k = LowerBound(starts, words.Count, start);
        if (k > 0 && words.Ends[k - 1] > start) return false; // the range starts inside a word
        state.SentenceStart = true;
        Span<char> lowered = stackalloc char[LanguageFeatures.MaxWordLength];
        for (int first = k; k < words.Count && starts[k] < end; k++)
        {
            if (words.Ends[k] > end) return false; // the range ends inside a word
            var w = words.Evidence[k];
            if (w is null) return false;
            byte flags = words.Flags[k];
            if (k > first && (flags & AfterSentenceOpener) != 0) state.SentenceStart = true;
            int shift = (flags & Capital) == 0 ? 0 : state.SentenceStart ? 1 : 2;
            state.SentenceStart = false;
            if ((w.Known & (1 << shift)) == 0) Fill(w, words.Table, Lowered(words.Text, starts[k], words.Ends[k], lowered), shift);
            evidence.AddWord(in w.ByShift[shift]);
            state.Letters += words.Letters[k];
            state.Features += w.FeatureCount;
            // The next word starts a new batch: Extract starts every batch at a sentence's start.
            if (state.Features > softLimit) { state.Features = 0; state.SentenceStart = true; }
        }
        return true;
    }

    /// <summary>A word as <see cref="TryScore"/> lowers it (inside a word every character has a lower form).</summary>
    static ReadOnlySpan<char> Lowered(string text, int start, int end, Span<char> into)
    {
        for (int i = start; i < end; i++) into[i - start] = LanguageFeatures.LowerOf(text[i]);
        return into[..(end - start)];
    }

    static int LowerBound(int[] sorted, int count, int value)
    {
        int lo = 0, hi = count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
