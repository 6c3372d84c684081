using Cql.Engine.Ingest;
using Cql.Engine.Statements;
using Cql.Engine.Storage;
using Cql.Engine.Text;
using System.Text;

namespace Cql.Engine.Generation;

/// <summary>What `cql gen` was asked for.</summary>
public sealed record GenerateOptions(int Quotes, string OutDir, int Seed = 42, int Speakers = 5000, int QuotesPerDoc = 20);

/// <summary>
/// `cql gen`: a synthetic corpus with exactly the schema of an ingested one, for benchmarks at scale. Speakers are
/// Zipf-distributed (the seed people on top), languages and quote conventions follow a news mix, dates span
/// 2015–2025, words come from the seed articles at their natural rates. Each document is drawn from its own
/// random stream, so the output is the same for a seed however many threads build it; documents are built in
/// parallel chunks and written in order, so memory stays bounded.
/// </summary>
public static class CorpusGenerator
{
    /// <param name="CueLemma">What ingest's cue-lemmas.tsv makes of <paramref name="Cue"/> (generation does not read the quote layer).</param>
    sealed record LangStyle(string Code, double Weight, string Cue, string CueLemma, string Open, string Close, bool DashQuotes);

    static readonly LangStyle[] Langs =
    [
        new("no", 18, "sa", "si", "«", "»", true),
        new("sv", 14, "sade", "säga", "”", "”", true),
        new("da", 10, "sagde", "sige", "»", "«", true),
        new("de", 14, "sagte", "sagen", "„", "“", false),
        new("en", 14, "said", "say", "“", "”", false),
        new("it", 8, "ha detto", "dire", "«", "»", false),
        new("fr", 8, "a déclaré", "déclarer", "« ", " »", false),
        new("es", 6, "dijo", "decir", "«", "»", false),
        new("nl", 5, "zei", "zeggen", "“", "”", false),
        new("fi", 2, "sanoi", "sanoi", "”", "”", false),
        new("pl", 1, "powiedział", "powiedział", "„", "”", false),
    ];

    const int NarrativeParagraphs = 5;
    const int SentencesPerNarrativeParagraph = 2;

    public static async Task<CorpusManifest> RunAsync(GenerateOptions o, IProgress<int>? progress, CancellationToken ct)
    {
        if (File.Exists(CorpusManifest.PathIn(o.OutDir)))
            throw new IngestUsageException($"'{o.OutDir}' already holds a corpus; generate into a new folder");
        Directory.CreateDirectory(o.OutDir);
        var vocab = new GeneratorVocabulary(o.Speakers);
        var speakerSampler = new ZipfSampler(vocab.Speakers.Length, 1.1);
        var langSampler = new ZipfSampler(Langs.Select(l => l.Weight).ToArray());
        int docs = Math.Max(1, (o.Quotes + o.QuotesPerDoc - 1) / o.QuotesPerDoc);

        var manifest = new CorpusManifest();
        var statements = new StatementGrouper(StatementLexicon.Default, name => Array.IndexOf(vocab.Speakers, name) == 5);
        await using var w = new CorpusWriter(o.OutDir);
        for (int e = 0; e < vocab.Speakers.Length; e++)
            await w.WriteEntityAsync(e, vocab.Speakers[e], OrganisationOrMedium(e) ? (e == 5 ? "organisation" : "medium") : "person", [vocab.Speakers[e]]);

        int quotesLeft = o.Quotes, paraId = 0, sentId = 0, quoteId = 0;
        const int chunk = 512;
        for (int start = 0; start < docs; start += chunk)
        {
            ct.ThrowIfCancellationRequested();
            int n = Math.Min(chunk, docs - start);
            var built = new GeneratedDoc[n];
            int firstDoc = start;
            int[] quotaPerDoc = new int[n];
            for (int i = 0; i < n; i++)
            {
                quotaPerDoc[i] = firstDoc + i == docs - 1 ? quotesLeft : Math.Min(quotesLeft, o.QuotesPerDoc);
                quotesLeft -= quotaPerDoc[i];
            }
            Parallel.For(0, n, new ParallelOptions { CancellationToken = ct }, i =>
                built[i] = BuildDoc(firstDoc + i, quotaPerDoc[i], o.Seed, vocab, speakerSampler, langSampler));

            foreach (var g in built)
            {
                await w.WriteDocAsync(g.DocId, g.Doc, g.Raw, g.Hash);
                for (int p = 0; p < g.Doc.Paragraphs.Count; p++) await w.WriteParagraphAsync(g.DocId, paraId + p, p, g.Doc.Paragraphs[p], g.Doc.Text);
                int t = 0;
                for (int s = 0; s < g.Doc.Sentences.Count; s++)
                {
                    var sent = g.Doc.Sentences[s];
                    await w.WriteSentenceAsync(g.DocId, paraId + sent.ParagraphIndex, sentId + s, s, sent, g.Doc.Text);
                    for (int k = 0; k < g.TokensPerSentence[s]; k++, t++)
                        await w.WriteTokenAsync(g.DocId, sentId + s, k, g.Tokens[t].Word, g.Tokens[t].Norm, g.Tokens[t].Range);
                }
                foreach (var q in g.Quotes)
                {
                    var speaker = q.Speaker >= 0 ? vocab.Speakers[q.Speaker] : null;
                    var quoteText = g.Doc.Text.Substring(q.Range.Start, q.Range.Length);
                    int? statement = statements.Add(new GroupedQuote(quoteId, g.DocId, sentId + q.Sentence, quoteText, speaker, q.Lang, q.Kind, g.Doc.Date));
                    await w.WriteQuoteAsync(quoteId++, g.DocId, paraId + q.Paragraph, sentId + q.Sentence, q.Range, quoteText,
                        speaker, speaker, q.Cue, null, q.Kind, q.Lang, null, q.CueLemma, false, false, statement);
                    if (speaker is not null) await w.WriteMentionAsync(g.DocId, q.Speaker, q.SpeakerRange, speaker);
                }
                paraId += g.Doc.Paragraphs.Count;
                sentId += g.Doc.Sentences.Count;
            }
            progress?.Report(start + n);
        }
        manifest.NextIds["doc"] = docs;
        manifest.NextIds["para"] = paraId;
        manifest.NextIds["sent"] = sentId;
        manifest.NextIds["quote"] = quoteId;
        manifest.CorpusHash = $"gen-{o.Seed}-{o.Quotes}";
        manifest.Inputs.Add(new ManifestInput { Source = $"cql gen --quotes {o.Quotes} --seed {o.Seed}", Sha256 = "", Docs = docs });
        foreach (var st in statements.Statements) await w.WriteStatementAsync(st);
        await w.CommitAsync(manifest, new HashSet<string>(), ct);
        return manifest;
    }

    static bool OrganisationOrMedium(int speaker) => speaker is >= 5 and <= 7;

    /// <summary>A generated quote; Speaker is -1 when the quote names nobody.</summary>
    sealed record GenQuote(int Paragraph, int Sentence, TextRange Range, int Speaker, TextRange SpeakerRange, string? Cue, string? CueLemma, string Kind, string Lang);

    /// <summary>One word of the generated text: strings shared with the vocabulary, so a token costs no allocation.</summary>
    readonly record struct GenToken(string Word, string Norm, TextRange Range);

    sealed record GeneratedDoc(int DocId, AnalyzedDocument Doc, RawArticle Raw, string Hash, List<GenQuote> Quotes, List<GenToken> Tokens, int[] TokensPerSentence);

    /// <summary>A per-document seed that depends only on the corpus seed and the document (SplitMix64 finaliser).</summary>
    static int DocumentSeed(int seed, int docId)
    {
        ulong z = ((ulong)(uint)seed << 32 | (uint)docId) + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (int)(z ^ (z >> 31));
    }

    /// <summary>The share of quotes that repeat an earlier statement, and how many statements a month has to repeat.</summary>
    const double RepeatedShare = 0.3;
    const int StatementsPerMonth = 400;

    static GeneratedDoc BuildDoc(int docId, int quoteCount, int seed, GeneratorVocabulary v, ZipfSampler speakers, ZipfSampler langs)
    {
        // Not HashCode.Combine: it is seeded per process, and the same --seed must give the same corpus every run.
        var rng = new Random(DocumentSeed(seed, docId));
        var style = Langs[langs.Next(rng)];
        var day = new DateOnly(2015, 1, 1).AddDays(rng.Next(0, 4017));
        // As in real articles, a few dates are missing or known only to the month.
        int precision = rng.Next(100);
        string? date = precision < 2 ? null : precision < 5 ? day.ToString("yyyy-MM") : day.ToString("yyyy-MM-dd");
        var sb = new StringBuilder(4096);
        var paragraphs = new List<ParagraphInfo>();
        var sentences = new List<SentenceInfo>();
        var quotes = new List<GenQuote>();
        var tokens = new List<GenToken>(512);
        var perSentence = new List<int>();
        var lang = new LanguageGuess(style.Code, 0.99f);

        int before = 0;
        Words(rng, v, 4, 9, sb, tokens);
        var title = sb.ToString();
        EndSentence(0, sb.Length, 0);
        paragraphs.Add(new ParagraphInfo(new TextRange(0, sb.Length), lang, true, "title"));

        int narrativeLeft = NarrativeParagraphs;
        int quotesLeft = quoteCount;
        while (narrativeLeft > 0 || quotesLeft > 0)
        {
            bool quoteNext = quotesLeft > 0 && (narrativeLeft == 0 || rng.Next(quotesLeft + narrativeLeft) < quotesLeft);
            sb.Append("\n\n");
            int pStart = sb.Length;
            int pIndex = paragraphs.Count;
            if (!quoteNext)
            {
                for (int s = 0; s < SentencesPerNarrativeParagraph; s++)
                {
                    if (s > 0) sb.Append(' ');
                    int sStart = sb.Length;
                    Words(rng, v, 8, 20, sb, tokens);
                    sb.Append('.');
                    EndSentence(sStart, sb.Length, pIndex);
                }
                narrativeLeft--;
            }
            else
            {
                // About one quote in sixteen names nobody (a scare quote, an impersonal report), as in ingested news.
                bool unattributed = rng.NextDouble() < 0.0625;
                // A share of quotes repeat a statement of the document's month (wire copies, translations): the
                // statement's own seed gives its speaker and words in whatever language the document is, and an
                // edited copy gains a word.
                bool repeat = !unattributed && rng.NextDouble() < RepeatedShare;
                var words = repeat ? new Random(DocumentSeed(seed ^ 0x57A7, ((day.Year - 2015) * 12 + day.Month) * StatementsPerMonth + rng.Next(StatementsPerMonth))) : rng;
                int speaker = unattributed ? -1 : speakers.Next(words);
                bool dash = !unattributed && style.DashQuotes && rng.NextDouble() < 0.2;
                sb.Append(dash ? "– " : style.Open);
                int qStart = sb.Length;
                Words(words, v, 6, 18, sb, tokens);
                if (repeat && rng.NextDouble() < 0.3) { sb.Append(' '); Words(rng, v, 1, 2, sb, tokens); }
                int qEnd = sb.Length;
                int spStart = 0, spEnd = 0;
                if (unattributed) sb.Append(style.Close);
                else
                {
                    sb.Append(dash ? ", " : "," + style.Close + " ");
                    Literal(sb, style.Cue, tokens);
                    sb.Append(' ');
                    spStart = sb.Length;
                    Literal(sb, v.Speakers[speaker], tokens);
                    spEnd = sb.Length;
                }
                sb.Append('.');
                EndSentence(pStart, sb.Length, pIndex);
                quotes.Add(new GenQuote(pIndex, sentences.Count - 1, new TextRange(qStart, qEnd), speaker, new TextRange(spStart, spEnd),
                    unattributed ? null : style.Cue, unattributed ? null : style.CueLemma, dash ? "dash" : "full", rng.NextDouble() < 0.05 ? "en" : style.Code));
                quotesLeft--;
            }
            paragraphs.Add(new ParagraphInfo(new TextRange(pStart, sb.Length), lang, false, null));
        }

        var text = sb.ToString();
        var doc = new AnalyzedDocument($"gen/{style.Code}/{docId:D7}.txt", text, title, date, lang, paragraphs, sentences);
        var raw = new RawArticle(doc.Source, text, "utf-8", title, date);
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        return new GeneratedDoc(docId, doc, raw, hash, quotes, tokens, perSentence.ToArray());

        void EndSentence(int s, int e, int p)
        {
            sentences.Add(new SentenceInfo(new TextRange(s, e), p, lang));
            perSentence.Add(tokens.Count - before);
            before = tokens.Count;
        }
    }

    // Appends min..max words drawn at the seeds' frequencies, recording each as a token.
    static void Words(Random rng, GeneratorVocabulary v, int min, int max, StringBuilder sb, List<GenToken> tokens)
    {
        int count = rng.Next(min, max + 1);
        for (int i = 0; i < count; i++)
        {
            if (i > 0) sb.Append(' ');
            int w = v.WordSampler.Next(rng);
            int s = sb.Length;
            sb.Append(v.Words[w]);
            tokens.Add(new GenToken(v.Words[w], v.Norms[w], new TextRange(s, sb.Length)));
        }
    }

    // Appends a fixed phrase (a cue, a name), one token per space-separated word.
    static void Literal(StringBuilder sb, string phrase, List<GenToken> tokens)
    {
        foreach (var part in GeneratorVocabulary.Split(phrase))
        {
            if (sb.Length > 0 && sb[^1] != ' ' && tokens.Count > 0 && tokens[^1].Range.End == sb.Length) sb.Append(' ');
            int s = sb.Length;
            sb.Append(part.Word);
            tokens.Add(new GenToken(part.Word, part.Norm, new TextRange(s, sb.Length)));
        }
    }
}
