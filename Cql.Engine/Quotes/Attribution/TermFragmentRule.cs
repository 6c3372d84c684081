namespace Cql.Engine.Quotes;

/// <summary>
/// Words in marks that are named or borrowed rather than said: the title of a work, a programme or a slogan in the
/// middle of a sentence ("appeared on “Fox News Sunday”", "the “Contract with America.”"), or a scare-quoted term
/// ("the so-called “sex tape”", "a “philanthropub”"). Two rules: a title-cased fragment after a preposition or an
/// article is a title whatever the sentence's cues say (<see cref="Before"/>); a short fragment no cue attributed is
/// a term (<see cref="Unattributed"/>, the step before <see cref="UnattributedFragmentRule"/>).
/// </summary>
internal static class TermFragmentRule
{
    /// <summary>Fragments of at most this many words that no cue attributes are scare quotes, not speech.</summary>
    internal const int MaxTermWords = 3;

    /// <summary>Runs before the cue rules: titles of works and programmes.</summary>
    internal sealed class Before : IMarkedQuoteRule
    {
        public bool TryAttribute(in MarkedQuote q)
        {
            var p = q.Paragraph;
            int k = q.Before - 1;
            if (q.Fronted || k < q.SentenceStart || !(p.IsPreposition(k) || p.IsDetDef(k) || p.IsDetIndef(k)) || Exclaims(q) || !IsTitleCased(q)
                || AfterSpeechVerb(q, k)) return false;
            q.SettleAsTerm();
            return true;
        }
    }

    /// <summary>Runs after them: a short fragment inside a sentence that nobody is said to have said.</summary>
    internal sealed class Unattributed : IMarkedQuoteRule
    {
        public bool TryAttribute(in MarkedQuote q)
        {
            if (q.Fronted || Exclaims(q) || !(IsTitleCased(q) || Words(q) <= MaxTermWords)) return false;
            q.SettleAsTerm();
            return true;
        }
    }

    /// <summary>"warned of a “Deindustrialisierung auf Raten”", "sprach von einer „Einladung in die Sozialsysteme“": the
    /// fragment is what a speech verb's subject said, its preposition (and article) right after the verb, or the
    /// preposition the end of the cue ("sprach nach der Abstimmung von einem „Sieg …“"). PolNeAR's
    /// annotators attribute such words (README, "Naming verbs"); only a title after a preposition of place or medium
    /// ("appeared on “Fox News Sunday”") is a term.</summary>
    static bool AfterSpeechVerb(in MarkedQuote q, int k)
    {
        var p = q.Paragraph;
        if (p.IsDetDef(k) || p.IsDetIndef(k)) k--;
        if (k < q.SentenceStart || !p.IsPreposition(k)) return false;
        foreach (var c in q.Cues)
            if (c.Kind is CueKind.Speech or CueKind.Naming && (c.End == k || c.End == k + 1 && c.Start < k)) return true;
        return false;
    }

    /// <summary>A question or an exclamation is said, however short ("What curfew?", "U-S-A! U-S-A!").</summary>
    static bool Exclaims(in MarkedQuote q)
    {
        for (int k = q.Unit.TokStart; k < q.Unit.TokEnd; k++)
            if (q.Paragraph.Tokens[k].Is('?') || q.Paragraph.Tokens[k].Is('!')) return true;
        return false;
    }

    static int Words(in MarkedQuote q)
    {
        int n = 0;
        for (int k = q.Unit.TokStart; k < q.Unit.TokEnd; k++) if (q.Paragraph.Tokens[k].IsWord) n++;
        return n;
    }

    /// <summary>Every word capitalised but the small ones ("Face the Nation", "Make Your Kid a Millionaire"), at least
    /// one of them capitalised, no comma or sentence end inside. German capitalises nouns, so there it takes two
    /// capitalised words ("der „Süddeutschen Zeitung“", never „Spezialoperation“ alone).</summary>
    static bool IsTitleCased(in MarkedQuote q)
    {
        var p = q.Paragraph;
        int minCapitals = p.Languages.Contains("de") ? 2 : 1;
        int capitals = 0;
        for (int k = q.Unit.TokStart; k < q.Unit.TokEnd; k++)
        {
            var t = p.Tokens[k];
            if (!t.IsWord)
            {
                if (t.Is(',') || p.IsSentenceEnd(k) && k < q.Unit.TokEnd - 1) return false;
                continue;
            }
            if (t.IsCapitalized) capitals++;
            else if (!p.IsFunctionWord(k) && !char.IsDigit(t.Text[0])) return false;
        }
        return capitals >= minCapitals;
    }
}
