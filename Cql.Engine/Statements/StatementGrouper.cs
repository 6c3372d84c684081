using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;

namespace Cql.Engine.Statements;

/// <summary>
/// Groups quotes into statements as they are written, one quote at a time in corpus order (so ids are
/// deterministic and an append goes on where the corpus stopped). A quote joins the statement of the most similar
/// earlier report that passes every test below, else starts a new statement:
/// <list type="bullet">
/// <item>speakers compatible: the same, accents aside ("Ekström", "Ekstrom"; or one name ending in the other: "General
/// Jens Stoltenberg", or starting it: "Keystone", "Keystone Sports Management"), or one unnamed, or one an organisation (the Kremlin relaying Xi's
/// words); where one of two speakers that are not compatible is one word ("Danish", "STOCKHOLM", "Solbakken"), the
/// reports may still be a copy or a close translation of each other (<see cref="StrongMatch"/>), as extraction may
/// have got the attribution wrong;</item>
/// <item>numbers that agree: when both give numbers, one's are all among the other's
/// (<see cref="QuoteShape.NumbersDisagree"/>);</item>
/// <item>documents dated within <see cref="DateWindowDays"/> days (an undated document fits any date);</item>
/// <item>in one language, a copy or an edit: word-bigram Jaccard ≥ <see cref="CopyJaccard"/>, or a fragment whose
/// bigrams are ≥ <see cref="FragmentContainment"/> inside the other, or a rewording that shares
/// ≥ <see cref="SameLanguageMatch"/> of its content words;</item>
/// <item>across languages, a translation: the share of content words of both reports that find a word of the same
/// meaning in the other (<see cref="StatementLexicon"/>), ≥ <see cref="TranslationMatch"/> (≥ <see cref="StrongMatch"/>
/// where one gives numbers and the other, no shorter, gives none: <see cref="QuoteShape.LeavesOutNumbers"/>); a short quote (a
/// partial) whose every content word is found in a longer report by the same named speaker is a fragment of it.</item>
/// </list>
/// A reported clause or partial quote that follows one of the same named speaker in the same sentence ("said that A
/// and that B") is another part of the same statement (<see cref="IsClause"/>). Quotes of kind "term" (words
/// mentioned, not said) never join statements. A quote that also
/// holds most of a report of another statement by its named speaker merges the two (<see cref="Links"/>: the halves
/// of one statement, reported apart before a report of the whole came): quotes already written keep their id, later
/// reports of either join the merged one, and an append replays the merges.
/// Candidates come from an index of concepts to reports (at most <see cref="IndexedPerLanguage"/> reports of a
/// statement indexed per language), walked rarest concept first, each list's latest <see cref="PostingsScanned"/>
/// entries and <see cref="VisitBudget"/> entries in all: the cost of a quote is bounded, never by the size of the
/// corpus or how common its words are.
/// </summary>
public sealed class StatementGrouper(StatementLexicon lexicon, Func<string, bool> isOrganisation)
{
    public const int DateWindowDays = 31;
    public const double CopyJaccard = 0.5;
    public const double FragmentContainment = 0.8;
    public const double TranslationMatch = 0.30;
    /// <summary>In one language, a report that is neither a copy nor a fragment must share this much of its
    /// meaning: there words are shared because the language is, not because the statement is.</summary>
    public const double SameLanguageMatch = 0.6;
    /// <summary>Reports whose speakers do not fit are one statement only as a copy, or as a translation sharing this
    /// much of its weighted words and <see cref="StrongWords"/> words on each side.</summary>
    public const double StrongMatch = 0.5;
    public const int StrongWords = 3;
    public const int PostingsScanned = 48;
    /// <summary>The most postings one quote walks, its rarest concepts first: a quote's cost is bounded whatever the
    /// corpus and however common its words.</summary>
    public const int VisitBudget = 256;
    public const int IndexedPerLanguage = 4;
    /// <summary>The kind of quote that never joins a statement (a word mentioned, not said).</summary>
    public const string TermKind = "term";

    readonly List<StatementRow> _statements = [];
    readonly List<QuoteShape> _shapes = [];
    readonly Dictionary<uint, List<int>> _postings = [];
    readonly Dictionary<(int Statement, string Lang), int> _indexed = [];
    readonly ConceptCache _lexicon = new(lexicon);
    // Reused per quote: the buffers of its shape, the postings to walk with the word each is for, the candidates.
    readonly QuoteShape.Buffers _buffers = new();
    readonly List<(List<int> List, int Word)> _walk = [];
    readonly List<long> _walkOrder = [];
    readonly List<int> _candidates = [];
    // The statements other than the best that the quote being placed matches (BestMatch).
    readonly List<int> _linked = [];
    // Union-find over statement ids: a statement merged into another points at it (Find, Union).
    readonly List<int> _parent = [];
    // The reports of the statements merged under each root (Union keeps the larger's id).
    readonly List<int> _size = [];
    // Per indexed report, what the postings walk — the grouper's hot loop, about a thousand visits a quote — keeps:
    // one array of small structs, not a dictionary, and a stamp instead of clearing it between quotes.
    Found[] _found = new Found[1024];
    int _stamp;
    // Speakers as numbers (-1 for none), so the test of a candidate's speaker is worked out once per quote and
    // speaker, not once per candidate (most candidates fail it).
    readonly Dictionary<string, int> _speakerIds = new(StringComparer.Ordinal);
    readonly List<string> _speakerNames = [];
    // Each speaker's name as names are compared (NameKey): "Johan Ekström" and the English wire's "Johan Ekstrom" are one.
    readonly List<string> _speakerKeys = [];
    readonly List<int> _shapeSpeakers = [], _statementSpeakers = [];
    // Each indexed report's statement, beside its shape: most candidates are turned down on their speakers and
    // dates before their shape is compared, and reading it from the shape cost a cache miss each.
    readonly List<int> _shapeStatements = [];
    // The word weights of the quote being placed (WordWeight), reused from quote to quote.
    float[] _weights = new float[64];
    float _weightSum;
    int[] _fitStamps = new int[64];
    bool[] _fits = new bool[64];

    struct Found
    {
        public int Stamp;
        /// <summary>The quote's words (modulo 32) that found the report.</summary>
        public uint Words;
    }
    // The last reported clause placed, with its sentence and speaker (IsClause).
    (int Sentence, string Speaker, int Statement) _lastClause = (-1, "", -1);

    /// <summary>The statements so far, by id.</summary>
    public IReadOnlyList<StatementRow> Statements => _statements;

    /// <summary>The statement the quote belongs to (an earlier one, or a new one); null for a term or a quote
    /// without words.</summary>
    public int? Add(GroupedQuote q) => Place(q, null);

    /// <summary>Takes in a quote the corpus already holds, with the statement it was given (an append goes on from
    /// the corpus's statements). It is matched as <see cref="Add"/> matched it, so the statements it linked are
    /// merged again and an append goes on from the same merges.</summary>
    public void Replay(GroupedQuote q, int statementId)
    {
        while (_statements.Count <= statementId) NewStatement();
        Place(q, statementId);
    }

    int? Place(GroupedQuote q, int? given)
    {
        if (q.Kind == TermKind) return null;
        var date = DateSpan.Parse(q.DocDate);
        int? statement = null;
        if (IsClause(q.Kind) && q.Speaker is { } sp && _lastClause.Sentence == q.Sentence && _lastClause.Speaker == sp)
            statement = Find(_lastClause.Statement);
        var shape = QuoteShape.Of(-1, q, _lexicon, _buffers);
        if (shape.Shingles.Length == 0) return given;
        _linked.Clear();
        // BestMatch weighs the quote's words; nothing it reads changes before the quote is indexed.
        bool weighed = statement is null;
        statement ??= BestMatch(q, shape, date);
        int id = given ?? statement ?? NewStatement();
        // A report that matches two statements is the link between them (the whole of a statement whose halves
        // were reported apart): they are one from now on (Union).
        // (On a replay from the statement it matched, not the one it was given: an append merges as the ingest did.)
        int merged = statement ?? id;
        foreach (int other in _linked) merged = Union(merged, other);
        if (given is null) id = merged;
        Record(_statements[id], q, date);
        _size[Find(id)]++;
        if (IsClause(q.Kind) && q.Speaker is { } s) _lastClause = (q.Sentence, s, id);
        Index(shape.WithStatement(id), weighed);
        return id;
    }

    /// <summary>Whether a quote is a reported clause or a fragment (indirect, mixed, partial) rather than a whole
    /// quotation: such quotes of one sentence by one named speaker ("said that A and that B", "said A, adding that B",
    /// two fragments quoted in one sentence) are parts of one statement. Two whole quotes in one sentence are not (a
    /// sentence splitter that missed a boundary between two dash quotes; a quotation followed by "and that" another
    /// announcement).</summary>
    static bool IsClause(string kind) => kind is "indirect" or "mixed" or "partial";

    /// <summary>The statement a statement was merged into (itself when it was not).</summary>
    int Find(int statement)
    {
        while (_parent[statement] != statement) statement = _parent[statement] = _parent[_parent[statement]];
        return statement;
    }

    /// <summary>Merges two statements under the id of the one with more reports (the older on a tie): the quotes
    /// already written keep the id they were given, so the merged statement goes on under the id most of them
    /// have, and later reports of either join it.</summary>
    int Union(int a, int b)
    {
        a = Find(a);
        b = Find(b);
        if (a == b) return a;
        if (_size[b] > _size[a] || _size[b] == _size[a] && b < a) (a, b) = (b, a);
        _parent[b] = a;
        _size[a] += _size[b];
        if (_statementSpeakers[a] < 0) _statementSpeakers[a] = _statementSpeakers[b];
        return a;
    }

    int NewStatement()
    {
        _parent.Add(_statements.Count);
        _size.Add(0);
        _statements.Add(new StatementRow(_statements.Count));
        _statementSpeakers.Add(-1);
        return _statements.Count - 1;
    }

    /// <summary>How much a word tells: 1 for one no indexed report has, less the more reports share it ("Russia" in
    /// every report of a story about Russia), so shared topic words weigh less than the rare words a statement's
    /// reports have in common. Its most frequent concept counts (a translation of a common word is common).</summary>
    float WordWeight(uint[] concepts)
    {
        int df = 0;
        foreach (var c in concepts)
            if (_postings.TryGetValue(c, out var list)) df = Math.Max(df, list.Count);
        return Weight(df);
    }

    /// <summary>The weight of a word whose most frequent concept is in <paramref name="df"/> indexed reports.</summary>
    static float Weight(int df) => 1f / (1f + MathF.Log(1 + df));

    float WordWeights(QuoteShape shape, float[] into)
    {
        float sum = 0;
        for (int w = 0; w < shape.Concepts.Length; w++) sum += into[w] = WordWeight(shape.Concepts[w]);
        return sum;
    }

    int? BestMatch(GroupedQuote q, QuoteShape shape, DateSpan? date)
    {
        if (_weights.Length < shape.Concepts.Length) _weights = new float[Math.Max(shape.Concepts.Length, _weights.Length * 2)];
        _candidates.Clear();
        int stamp = ++_stamp;
        // The quote's concepts, rarest first: within the visit budget the words that tell statements apart (names,
        // numbers, rare nouns) are walked before the frequent ones ("said", "president"), which a large corpus cuts.
        // Each concept's postings are looked up once, for its word's weight (WordWeight) and for the walk.
        _walk.Clear();
        _walkOrder.Clear();
        float weightSum = 0;
        for (int w = 0; w < shape.Concepts.Length; w++)
        {
            int df = 0;
            foreach (var c in shape.Concepts[w])
                if (_postings.TryGetValue(c, out var list))
                {
                    df = Math.Max(df, list.Count);
                    _walkOrder.Add((long)list.Count << 32 | (uint)_walk.Count);
                    _walk.Add((list, w));
                }
            weightSum += _weights[w] = Weight(df);
        }
        _weightSum = weightSum;
        _walkOrder.Sort();
        int budget = VisitBudget;
        foreach (long order in _walkOrder)
        {
            var (list, w) = _walk[(int)order];
            var recent = CollectionsMarshal.AsSpan(list)[Math.Max(0, list.Count - PostingsScanned)..];
            if (recent.Length > budget) break;
            budget -= recent.Length;
            uint bit = 1u << (w & 31);
            foreach (int m in recent)
            {
                ref var f = ref _found[m];
                if (f.Stamp != stamp)
                {
                    f = new Found { Stamp = stamp, Words = bit };
                    _candidates.Add(m);
                }
                else f.Words |= bit;
            }
        }
        int? best = null;
        double bestScore = 0;
        // Every rule but a one-word match needs two shared content words; one shared word (a frequent "president",
        // "said") is most candidates, and skipping them before the comparison keeps ingest's cost down.
        int fewest = Math.Min(2, shape.Concepts.Length);
        int speaker = SpeakerId(q.Speaker);
        foreach (int m in _candidates)
        {
            int found = BitOperations.PopCount(_found[m].Words);
            if (found < fewest) continue;
            int statement = _shapeStatements[m];
            int root = Find(statement);
            bool fitsReport = Fits(q.Speaker, speaker, _shapeSpeakers[m], stamp), fitsStatement = Fits(q.Speaker, speaker, _statementSpeakers[root], stamp);
            bool fits = fitsReport && fitsStatement;
            if (!fits && (found < StrongWords || !(OneWord(speaker) || (fitsReport || OneWord(_shapeSpeakers[m])) && (fitsStatement || OneWord(_statementSpeakers[root]))))) continue;
            var st = _statements[statement];
            if (date is { } d && st.Dates is { } sd && !d.Near(sd, DateWindowDays)) continue;
            var other = _shapes[m];
            double score = Similarity(q, shape, other, fits, speaker, _shapeSpeakers[m]);
            if (score <= 0) continue;
            if (!_linked.Contains(root) && Links(speaker, shape, other, m, root)) _linked.Add(root);
            if (score > bestScore || (score == bestScore && root < best))
            {
                bestScore = score;
                best = root;
            }
        }
        if (best is int b) _linked.Remove(b);
        return best;
    }

    /// <summary>Whether a quote that matches an earlier report may merge the report's statement with the one it
    /// joins: the same named speaker on the quote, the report and the statement, and the report shorter than the
    /// quote with more than half its content words (two at least) found in it — a part of what the quote reports
    /// whole. (Half was enough to merge a minister's later "the Riksdag has the last word" with her statement on the
    /// Riksdag's approval.)</summary>
    bool Links(int speaker, QuoteShape shape, QuoteShape other, int m, int root)
    {
        if (speaker < 0 || _shapeSpeakers[m] < 0 || _statementSpeakers[root] < 0) return false;
        var key = _speakerKeys[speaker];
        if (!SameName(key, _speakerKeys[_shapeSpeakers[m]]) || !SameName(key, _speakerKeys[_statementSpeakers[root]])) return false;
        int n = other.Concepts.Length, found = other.WordsMatchedIn(shape.AllConcepts);
        return n < shape.Concepts.Length && found >= 2 && 2 * found > n;
    }

    /// <summary>How alike a new quote and an earlier report are, 0 when they are not the same statement. Reports
    /// whose speakers do not fit (<paramref name="speakersFit"/> false; one of them a one-word name) must be a copy or
    /// a close translation (<see cref="StrongMatch"/>, <see cref="StrongWords"/>): attribution is what extraction gets
    /// wrong most, and its errors are mostly one word (a dateline, "Danish" for "a Danish newspaper").</summary>
    double Similarity(GroupedQuote q, QuoteShape shape, QuoteShape other, bool speakersFit, int speaker, int otherSpeaker)
    {
        if (QuoteShape.NumbersDisagree(shape.Numbers, other.Numbers)) return 0;
        bool sameLang = q.Lang == other.Lang;
        if (sameLang)
        {
            var (jaccard, containment) = QuoteShape.Overlap(shape.Shingles, other.Shingles);
            if (jaccard >= CopyJaccard) return 1 + jaccard;
            if (speakersFit && containment >= FragmentContainment && Math.Min(shape.Shingles.Length, other.Shingles.Length) >= 2) return 1 + containment * 0.5;
        }
        int n = shape.Concepts.Length, nOther = other.Concepts.Length;
        if (n == 0 || nOther == 0) return 0;
        var (weight, hits) = shape.WeightMatchedIn(other.AllConcepts, _weights.AsSpan(0, n));
        var (weightOther, hitsOther) = other.WeightMatchedIn(shape.AllConcepts, other.Weights);
        double match = (weight + weightOther) / (_weightSum + other.WeightSum);
        // A translation keeps its numbers; only a shorter report, a fragment, may leave them out. A report as long as
        // another but without its numbers shares its names ("Keystone Sports Management") and is another statement,
        // unless the two share most of their words.
        if (QuoteShape.LeavesOutNumbers(shape, other) && match < StrongMatch) return 0;
        if (!speakersFit) return match >= StrongMatch && hits >= StrongWords && hitsOther >= StrongWords ? match : 0;
        if (match >= (sameLang ? SameLanguageMatch : TranslationMatch) && hits >= 2 && hitsOther >= 2 || match >= 0.99) return match;
        // A fragment across languages (in one language the bigrams above decide): all of the shorter one's words
        // (two at least) found in the longer, by the same named speaker.
        bool sameNamed = !sameLang && speaker >= 0 && otherSpeaker >= 0 && SameName(_speakerKeys[speaker], _speakerKeys[otherSpeaker]);
        if (sameNamed && n >= 2 && n < nOther && hits == n) return 0.5 + 0.1 * n / nOther;
        if (sameNamed && nOther >= 2 && nOther < n && hitsOther == nOther) return 0.5 + 0.1 * nOther / n;
        return 0;
    }

    /// <summary>Whether the quote's speaker and another, by number, may have said one statement: either unnamed, the
    /// same name (<see cref="SameName"/>), or one an organisation relaying a person; worked out once per quote
    /// (<paramref name="stamp"/>) and speaker.</summary>
    bool Fits(string? speaker, int speakerId, int otherId, int stamp)
    {
        if (speakerId < 0 || otherId < 0 || speakerId == otherId) return true;
        if (otherId >= _fits.Length)
        {
            Array.Resize(ref _fits, Math.Max(otherId + 1, _fits.Length * 2));
            Array.Resize(ref _fitStamps, _fits.Length);
        }
        if (_fitStamps[otherId] != stamp)
        {
            _fitStamps[otherId] = stamp;
            _fits[otherId] = SameName(_speakerKeys[speakerId], _speakerKeys[otherId]) || isOrganisation(speaker!) || isOrganisation(_speakerNames[otherId]);
        }
        return _fits[otherId];
    }

    /// <summary>Whether a speaker's name is one word: a surname alone, or what extraction took for a speaker where it
    /// erred ("Danish", a dateline's "STOCKHOLM"); two full names that differ are two people.</summary>
    bool OneWord(int speakerId) => speakerId >= 0 && !_speakerNames[speakerId].Contains(' ');

    int SpeakerId(string? name)
    {
        if (name is null) return -1;
        if (!_speakerIds.TryGetValue(name, out int id))
        {
            _speakerIds[name] = id = _speakerNames.Count;
            _speakerNames.Add(name);
            _speakerKeys.Add(NameKey(name));
        }
        return id;
    }

    /// <summary>A name without a possessive before it, with its accents taken off and "æ", "ø", "ß" written as English-language texts write them
    /// ("Sæther" → "Saether", "Øresund" → "Oresund", "Ekström" → "Ekstrom"): reports of one speaker in English and
    /// in the speaker's own language spell the name both ways. (By a table: the build runs with invariant
    /// globalization, where <see cref="string.Normalize()"/> does not decompose.)</summary>
    static string NameKey(string name)
    {
        // A possessive before the name is not part of it: "Italy's Marchetti", "the Bank's Aune".
        int space = name.IndexOf(' ');
        if (space > 2 && name[space - 1] == 's' && name[space - 2] is '\'' or '’') name = name[(space + 1)..];
        var sb = new StringBuilder(name.Length + 2);
        foreach (var c in name)
        {
            var lower = char.ToLowerInvariant(c);
            var plain = lower switch
            {
                'à' or 'á' or 'â' or 'ã' or 'ä' or 'å' => "a",
                'è' or 'é' or 'ê' or 'ë' => "e",
                'ì' or 'í' or 'î' or 'ï' => "i",
                'ò' or 'ó' or 'ô' or 'õ' or 'ö' or 'ø' => "o",
                'ù' or 'ú' or 'û' or 'ü' => "u",
                'ý' or 'ÿ' => "y",
                'ç' => "c",
                'ñ' => "n",
                'æ' => "ae",
                'ß' => "ss",
                _ => null,
            };
            if (plain is null) sb.Append(c);
            else if (lower != c) sb.Append(char.ToUpperInvariant(plain[0])).Append(plain.AsSpan(1));
            else sb.Append(plain);
        }
        return sb.ToString();
    }

    /// <summary>One name, or one ending in the other at a word boundary: a title the attribution kept
    /// ("General Jens Stoltenberg") does not make another person, nor does a surname alone ("Brunnthaler", as
    /// articles name a speaker after the first time); or one the start of the other at a word boundary: the short form
    /// of an organisation ("Keystone", "Keystone Sports Management") or a first name alone.</summary>
    static bool SameName(string a, string b) =>
        a == b || EndsWithName(a, b) || EndsWithName(b, a) || StartsWithName(a, b) || StartsWithName(b, a);

    static bool EndsWithName(string longer, string shorter) =>
        longer.Length > shorter.Length && longer.EndsWith(shorter, StringComparison.Ordinal) && longer[longer.Length - shorter.Length - 1] == ' ';

    static bool StartsWithName(string longer, string shorter) =>
        longer.Length > shorter.Length && longer.StartsWith(shorter, StringComparison.Ordinal) && longer[shorter.Length] is ' ' or '\'';

    void Record(StatementRow st, GroupedQuote q, DateSpan? date)
    {
        bool whole = q.Kind is "full" or "dash" or "block";
        if (st.Reports == 0 || (whole && !st.TextIsWhole))
        {
            st.Text = q.Text;
            st.TextLang = q.Lang;
            st.RepresentativeQuoteId = q.QuoteId;
            st.TextIsWhole = whole;
        }
        if (q.Speaker is { } s && (st.Speaker is null || (isOrganisation(st.Speaker) && !isOrganisation(s))))
        {
            st.Speaker = s;
            _statementSpeakers[st.StatementId] = SpeakerId(s);
        }
        st.Langs.Add(q.Lang);
        if (st.Reports == 0) { st.FirstDocId = q.DocId; st.FirstQuoteId = q.QuoteId; }
        st.Reports++;
        if (st.LastDocId != q.DocId) { st.Docs++; st.LastDocId = q.DocId; }
        if (date is { } d)
        {
            if (st.Dates is null || d.FirstDay < st.Dates.Value.FirstDay)
            {
                st.FirstDate = q.DocDate;
                st.FirstDocId = q.DocId;
                st.FirstQuoteId = q.QuoteId;
            }
            st.Dates = st.Dates is { } sd ? sd.Union(d) : d;
        }
    }

    /// <summary>Indexes a report under its concepts (at most <see cref="IndexedPerLanguage"/> a statement and
    /// language); <paramref name="weighed"/>: its word weights are the ones <see cref="BestMatch"/> just worked out.</summary>
    void Index(QuoteShape shape, bool weighed)
    {
        var key = (shape.Statement, shape.Lang);
        int n = _indexed.GetValueOrDefault(key);
        if (n >= IndexedPerLanguage) return;
        _indexed[key] = n + 1;
        int m = _shapes.Count;
        var weights = new float[shape.Concepts.Length];
        if (weighed) _weights.AsSpan(0, weights.Length).CopyTo(weights);
        shape.SetWeights(weights, weighed ? _weightSum : WordWeights(shape, weights));
        _shapes.Add(shape);
        _shapeSpeakers.Add(SpeakerId(shape.Speaker));
        _shapeStatements.Add(shape.Statement);
        if (m == _found.Length) Array.Resize(ref _found, m * 2);
        foreach (var word in shape.Concepts)
            foreach (var c in word)
            {
                if (!_postings.TryGetValue(c, out var list)) _postings[c] = list = [];
                if (list.Count == 0 || list[^1] != m) list.Add(m);
            }
    }
}
