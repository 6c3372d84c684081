using Cql.Engine.Text;
using System.Runtime.CompilerServices;

namespace Cql.Engine.Language;

/// <summary>Scoring a text against the model and turning the evidence into a calibrated verdict.</summary>
public sealed partial class LanguageModel
{
    /// <summary>Features are extracted and scored in batches of this many (on the stack).</summary>
    internal const int BatchFeatures = 2048;
    /// <summary>Whole documents stop being read once this many characters are in and the leader's calibrated lead
    /// is beyond doubt: the rest cannot change the verdict, only cost time. Shorter texts are always read whole.</summary>
    const int DecisiveChars = 8192;
    const float DecisiveLogit = 40f;

    /// <summary>A prior is never taken as certain: a clearly English paragraph must win against a Swedish document
    /// (it does by a wide margin), while a photo credit full of foreign names must not.</summary>
    const float MaxPriorConfidence = 0.999f;

    /// <summary>With no prior, a verdict below this confidence says nothing and is reported as "und".</summary>
    public const float MinConfidence = 0.2f;

    /// <summary>The evidence of the whole of <paramref name="text"/> (the trainer's view; no early stop).</summary>
    [SkipLocalsInit]
    public LanguageEvidence Score(ReadOnlySpan<char> text)
    {
        Span<ulong> batch = stackalloc ulong[BatchFeatures];
        LanguageEvidence evidence = default;
        int letters = 0;
        while (text.Length > 0)
        {
            int used = LanguageFeatures.Extract(text, batch, out int count, ref letters);
            LanguageScorer.Add(table, batch[..count], ref evidence);
            text = text[used..];
        }
        evidence.Letters = letters;
        return evidence;
    }

    /// <summary>The language of <paramref name="text"/>, combining its evidence with <paramref name="prior"/>
    /// (<see cref="LanguageGuess.Unknown"/> for none) by Bayes' rule. Scores feature by feature: thread-safe and
    /// allocation-free, for callers that identify now and then.</summary>
    public LanguageGuess Identify(ReadOnlySpan<char> text, LanguageGuess prior) => IdentifyByFeatures(text, prior);

    /// <summary><see cref="Identify(ReadOnlySpan{char}, LanguageGuess)"/> word by word from <paramref name="words"/>'
    /// cached evidence (the same sums, faster when texts repeat their words, as a worker's do).</summary>
    public LanguageGuess Identify(ReadOnlySpan<char> text, LanguageGuess prior, LanguageWorkspace words)
    {
        // Up to the early-stop length the whole text is read: word by word from the cache, the same sums.
        if (text.Length <= DecisiveChars && WordScorer.TryScore(this, table, text, BatchFeatures, words, out var evidence)) return Decide(evidence, prior);
        return IdentifyByFeatures(text, prior);
    }

    /// <summary>Reads the words of <paramref name="text"/> into <paramref name="into"/> (refilling it), for
    /// <see cref="Identify(WordScorer.TextWords, int, int, LanguageGuess)"/> and <see cref="TryIdentifyJoined"/> to
    /// score its ranges; with <paramref name="pool"/> (begun on <paramref name="text"/>), its words are taken from it.</summary>
    internal WordScorer.TextWords ReadWords(string text, LanguageWorkspace workspace, WordScorer.TextWords into, TokenStringPool? pool = null) =>
        WordScorer.Read(this, table, workspace, text, into, pool);

    /// <summary><see cref="Identify(ReadOnlySpan{char}, LanguageGuess)"/> of the range [start, end) of the words' text.</summary>
    internal LanguageGuess Identify(WordScorer.TextWords words, int start, int end, LanguageGuess prior)
    {
        var state = new WordScorer.ReplayState();
        LanguageEvidence evidence = default;
        if (words.Model == this && end - start <= DecisiveChars && WordScorer.TryReplay(words, start, end, BatchFeatures, ref state, ref evidence))
        {
            evidence.Letters = state.Letters;
            return Decide(evidence, prior);
        }
        return Identify(words.Text.AsSpan(start, end - start), prior, words.Workspace);
    }

    /// <summary>The language of the ranges of the words' text joined by line breaks, with no prior, when that is
    /// no longer than the early-stop length and every range can be replayed; false otherwise.</summary>
    internal bool TryIdentifyJoined(WordScorer.TextWords words, ReadOnlySpan<TextRange> ranges, out LanguageGuess guess)
    {
        guess = LanguageGuess.Unknown;
        int length = 0;
        foreach (var r in ranges) length += r.Length + 1;
        if (words.Model != this || length > DecisiveChars) return false;
        var state = new WordScorer.ReplayState();
        LanguageEvidence evidence = default;
        // A line break opens a sentence: each range starts one, as a replay does; the batch count runs on.
        foreach (var r in ranges)
            if (!WordScorer.TryReplay(words, r.Start, r.End, BatchFeatures, ref state, ref evidence)) return false;
        evidence.Letters = state.Letters;
        guess = Decide(evidence, LanguageGuess.Unknown);
        return true;
    }

    /// <summary><see cref="Identify(ReadOnlySpan{char}, LanguageGuess)"/> feature by feature, stopping early on long documents once decisive.</summary>
    [SkipLocalsInit]
    internal LanguageGuess IdentifyByFeatures(ReadOnlySpan<char> text, LanguageGuess prior)
    {
        Span<ulong> batch = stackalloc ulong[BatchFeatures];
        LanguageEvidence evidence = default;
        int letters = 0, consumed = 0;
        while (text.Length > 0)
        {
            int used = LanguageFeatures.Extract(text, batch, out int count, ref letters);
            LanguageScorer.Add(table, batch[..count], ref evidence);
            text = text[used..];
            consumed += used;
            if (consumed >= DecisiveChars && text.Length > 0)
            {
                evidence.Letters = letters;
                if (LeadLogit(evidence) > DecisiveLogit) break;
            }
        }
        evidence.Letters = letters;
        return Decide(evidence, prior);
    }

    /// <summary>Posterior of each language given the evidence and the prior; returns the best one.</summary>
    public LanguageGuess Decide(in LanguageEvidence evidence, LanguageGuess prior)
    {
        bool hasPrior = prior.Code is { Length: > 0 } code && code != LanguageGuess.Unknown.Code && prior.Confidence > 0;
        // Mostly letters the model has never seen: a script none of its languages use (Chinese, Greek, Arabic …).
        if (evidence.UnknownLetters * 2 > evidence.Letters && evidence.Letters > 0) return LanguageGuess.Unknown;
        // No evidence at all ("2022", "–"): the posterior is the prior.
        if (evidence.Hits == 0) return hasPrior ? prior : LanguageGuess.Unknown;

        int n = languages.Length;
        Span<float> logits = stackalloc float[RowWidth];
        uint min = uint.MaxValue;
        for (int l = 0; l < n; l++) min = Math.Min(min, evidence.Penalty(l));
        float scale = LogitPerNat(evidence.Letters, CalibrationScale, CalibrationHalfEvidence) / Quantum;
        for (int l = 0; l < n; l++) logits[l] = -(evidence.Penalty(l) - min) * scale;

        int priorIndex = hasPrior ? Array.IndexOf(languages, prior.Code) : -1;
        if (priorIndex >= 0)
        {
            // The prior puts confidence c on its language and spreads the rest evenly over the others.
            float c = Math.Clamp(prior.Confidence, 1f / n, MaxPriorConfidence);
            logits[priorIndex] += MathF.Log(c * (n - 1) / (1 - c));
        }

        int best = 0;
        for (int l = 1; l < n; l++) if (logits[l] > logits[best]) best = l;
        float sum = 0;
        for (int l = 0; l < n; l++) sum += MathF.Exp(logits[l] - logits[best]);
        float confidence = 1f / sum;

        // A prior in a language the model does not know (metadata said "ja") stands unless the text clearly outvotes it.
        if (hasPrior && priorIndex < 0 && confidence < prior.Confidence) return prior;
        if (!hasPrior && confidence < MinConfidence) return LanguageGuess.Unknown;
        return new LanguageGuess(languages[best], confidence);
    }

    /// <summary>How far (as a calibrated logit) the leading language is ahead of the runner-up.</summary>
    float LeadLogit(in LanguageEvidence evidence)
    {
        uint first = uint.MaxValue, second = uint.MaxValue;
        for (int l = 0; l < languages.Length; l++)
        {
            uint p = evidence.Penalty(l);
            if (p < first) { second = first; first = p; }
            else if (p < second) second = p;
        }
        return (second - first) * LogitPerNat(evidence.Letters, CalibrationScale, CalibrationHalfEvidence) / Quantum;
    }
}
