using Cql.Engine.Text;

namespace Cql.Engine.Quotes;

/// <summary>
/// Detection: finds a document's quotations paragraph by paragraph, adding them to <see cref="FoundQuotes"/> —
/// quotations between marks (<see cref="QuoteScanner"/>), Scandinavian dash quotes ("– …, sier X."), block quotes
/// after a colon, and French incises inside the marks; titles in marks are no quotations. Attribution comes after,
/// except where the attribution clause is part of the quotation's shape (a dash quote's trailing "sier X", an
/// incise): there detection marks the clause for it.
/// </summary>
internal sealed class QuoteDetector(FoundQuotes found, string text, bool reversedGuillemets)
{
    static readonly HashSet<string> DashLanguages = new(StringComparer.Ordinal) { "no", "sv", "da", "nb", "nn", "fi", "is" };

    /// <summary>Boilerplate is not attributed; a title or caption still quotes, attributed within itself.</summary>
    static bool Extractable(ParagraphInfo info) => !info.Boilerplate || info.BoilerplateKind is "title" or "repeated_title" or "caption";

    List<QuoteUnit> Units => found.Units;

    public void Detect(ParagraphContext p)
    {
        if (!Extractable(p.Info) || p.Tokens.Count == 0) return;
        var toks = p.Tokens;
        var spans = QuoteScanner.Scan(text, p.Info.Range.Start, p.Info.Range.End, reversedGuillemets);
        var unitOfSpan = new int[spans.Count];
        for (int s = 0; s < spans.Count; s++)
        {
            unitOfSpan[s] = -1;
            var sp = spans[s];
            int ts = TokenAtOrAfter(toks, sp.ContentStart), te = TokenAtOrAfter(toks, sp.ContentEnd);
            if (te <= ts) continue;
            // „Spiegel“, „Financial Times“: a publication's name in marks is a title, not a quotation; so is a name after
            // "romanen", "Mitglieder der" (a book, a group).
            if (p.HitAt(ts) is { } hit && hit.TokEnd == te && hit.Entity.Kind == "medium") continue;
            int open = TokenAtOrAfter(toks, sp.Open);
            if (sp.Depth == 0 && AfterTitleNoun(p, open)) continue;
            var u = new QuoteUnit
            {
                Para = p.Index, TokStart = ts, TokEnd = te, ContentStart = sp.ContentStart, ContentEnd = sp.ContentEnd, Style = "marked",
                OpenTok = TokenAtOrAfter(toks, sp.Open), CloseTok = sp.Close >= 0 ? TokenAtOrAfter(toks, sp.Close) : -1,
                Parent = sp.Parent >= 0 ? unitOfSpan[sp.Parent] : -1,
            };
            unitOfSpan[s] = found.Add(u);
            if (sp.Unclosed) AttributionInsideUnclosed(p, u);
        }
        if (found.Paragraphs[p.Index].TurnHead is not null) { DetectTurn(p); return; }
        if (IsList(p)) return;
        if (toks[0].Kind == TokenKind.Dash) DetectDash(p);
        else DetectBlock(p);
        SplitIncises(p);
    }

    /// <summary>A title or a group's name follows "romanen", "Mitglieder der", "Bürgerinitiative"; it starts with a capital.
    /// "har kaldt programmet »forudsigeligt«" quotes a judgement, not a title.</summary>
    static bool AfterTitleNoun(ParagraphContext p, int open)
    {
        if (open + 1 < p.Tokens.Count && p.Tokens[open + 1].IsWord && !char.IsUpper(p.Tokens[open + 1].Text[0]) && !char.IsDigit(p.Tokens[open + 1].Text[0])) return false;
        for (int k = open - 1; k >= 0 && k >= open - 2; k--)
        {
            if (p.FactsAt(k).IsTitleNoun) return true;
            if (!(p.IsDetDef(k) || p.IsDetIndef(k))) return false;
        }
        return false;
    }

    static int TokenAtOrAfter(List<Token> toks, int offset)
    {
        int lo = 0, hi = toks.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >> 1;
            if (toks[mid].Start < offset) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    static bool IsList(ParagraphContext p)
    {
        var t = p.Text.AsSpan(p.Info.Range.Start, p.Info.Range.Length);
        return t.Contains("\n- ", StringComparison.Ordinal) || t.Contains("\n– ", StringComparison.Ordinal) || t.Contains("\n• ", StringComparison.Ordinal);
    }

    /// <summary>"– Kina vil …, skal Xi ha sagt, ifølge …": the quote runs from the dash to the comma that opens the
    /// attribution; a dash after a sentence's end opens another part ("…, sier X. – Og …").</summary>
    void DetectDash(ParagraphContext p)
    {
        var toks = p.Tokens;
        bool dashLanguage = p.Languages.Any(DashLanguages.Contains);
        var starts = new List<int> { 0 };
        for (int i = 1; i < toks.Count - 1; i++)
            if (toks[i].Kind == TokenKind.Dash && p.IsSentenceEnd(i - 1) && !found.InsideMarked(p.Index, i)) starts.Add(i);
        for (int s = 0; s < starts.Count; s++)
        {
            int from = starts[s] + 1, to = s + 1 < starts.Count ? starts[s + 1] : toks.Count;
            if (from >= to) continue;
            int attr = AttributionComma(p, from, to);
            if (attr < 0 && !dashLanguage) continue;
            int contentEnd = attr >= 0 ? attr : to;
            var u = new QuoteUnit
            {
                Para = p.Index, TokStart = from, TokEnd = contentEnd, ContentStart = toks[from].Start, ContentEnd = toks[contentEnd - 1].End,
                Style = "dash", Kind = "dash", AttrStart = attr >= 0 ? attr + 1 : -1, AttrEnd = attr >= 0 ? to : -1,
            };
            int index = found.Add(u);
            foreach (var k in found.UnitsOf(p.Index))
                if (k != index && Units[k].Parent < 0 && Units[k].TokStart >= from && Units[k].TokEnd <= contentEnd) Units[k].Parent = index;
        }
    }

    /// <summary>The comma that opens a trailing attribution in tokens [from, to): followed by a cue, or by a subject
    /// and a cue ("…, sier X.", "…, la han til.", "…, skal Xi ha sagt, …", "…, ha detto Bianchi …"), with no
    /// sentence ending after it but the last. -1 when there is none.</summary>
    int AttributionComma(ParagraphContext p, int from, int to, QuoteUnit? self = null)
    {
        var toks = p.Tokens;
        for (int i = from + 1; i < to - 1; i++)
        {
            if (!toks[i].Is(',') || found.InsideMarked(p.Index, i, self)) continue;
            bool laterSentence = false;
            for (int k = i + 1; k < to - 1; k++) if (p.IsSentenceEnd(k) && toks[k + 1].IsCapitalized) { laterSentence = true; break; }
            if (laterSentence) continue;
            var cues = CueFinder.Find(p, i + 1, Math.Min(to, i + 6), _ => false);
            if (cues.Count == 0) continue;
            var c = cues[0];
            if (c.Kind is CueKind.According or CueKind.AccordingAfter) continue;
            // The cue opens the clause, or follows its subject (or an auxiliary and the subject).
            int gap = c.Start - (i + 1);
            if (gap <= 3) return i;
        }
        return -1;
    }

    /// <summary>A quote left open that holds its own attribution ("“Ricostruiremo tutto, ma ci vorranno anni, ha
    /// detto Bianchi …"): it ends at that comma.</summary>
    void AttributionInsideUnclosed(ParagraphContext p, QuoteUnit u)
    {
        int comma = AttributionComma(p, u.TokStart, u.TokEnd, u);
        if (comma < 0) return;
        u.AttrStart = comma + 1;
        u.AttrEnd = p.Tokens.Count;
        u.TokEnd = comma;
        u.ContentEnd = p.Tokens[comma - 1].End;
    }

    /// <summary>A guest's turn in a transcript: its words after the label are one quotation, and the marks inside it
    /// quote within it.</summary>
    void DetectTurn(ParagraphContext p)
    {
        var toks = p.Tokens;
        int from = found.Paragraphs[p.Index].TurnStart;
        if (from >= toks.Count) return;
        var u = new QuoteUnit
        {
            Para = p.Index, TokStart = from, TokEnd = toks.Count, ContentStart = toks[from].Start, ContentEnd = toks[^1].End, Style = "turn", Kind = "block",
        };
        int index = found.Add(u);
        foreach (var k in found.UnitsOf(p.Index))
            if (k != index && Units[k].Parent < 0) Units[k].Parent = index;
    }

    /// <summary>A paragraph without marks after one ending in a colon that introduces it ("said in a statement:") or
    /// in another language than it: a block quotation.</summary>
    void DetectBlock(ParagraphContext p)
    {
        if (p.Index == 0) return;
        var intro = found.Paragraphs[p.Index - 1].Context;
        if (intro.Info.Boilerplate || intro.Tokens.Count == 0 || !intro.Tokens[^1].Is(':')) return;
        var toks = p.Tokens;
        if (toks[0].Kind is TokenKind.Mark or TokenKind.Dash || !p.IsSentenceEnd(toks.Count - 1) && !(toks[^1].Kind == TokenKind.Mark && p.IsSentenceEnd(toks.Count - 2))) return;
        int words = 0;
        foreach (var t in toks) if (t.IsWord) words++;
        if (words < 6) return;
        var (ls, _) = intro.LastSentence();
        bool cue = CueFinder.Find(intro, ls, intro.Tokens.Count, _ => false).Count > 0;
        bool otherLanguage = intro.Info.Lang.Code != p.Info.Lang.Code && p.Info.Lang.Code != "und";
        if (!cue && !otherLanguage) return;
        var u = new QuoteUnit
        {
            Para = p.Index, TokStart = 0, TokEnd = toks.Count, ContentStart = toks[0].Start, ContentEnd = toks[^1].End, Style = "block", Kind = "block",
        };
        int index = found.Add(u);
        foreach (var k in found.UnitsOf(p.Index))
            if (k != index && Units[k].Parent < 0) Units[k].Parent = index;
    }

    /// <summary>« Ce texte est illégitime, a-t-elle affirmé, et nous le combattrons. »: the attribution inside the
    /// marks splits the quotation in two parts. It may end a sentence: « Chaque litre compte, a-t-il insisté. Je
    /// demande … ».</summary>
    void SplitIncises(ParagraphContext p)
    {
        var toks = p.Tokens;
        foreach (var k in found.UnitsOf(p.Index).ToArray())
        {
            var u = Units[k];
            if (u.Style != "marked" || u.Parent >= 0 || u.AttrStart >= 0 || u.CloseTok < 0) continue;
            for (int i = u.TokStart + 1; i < u.TokEnd - 2; i++)
            {
                if (!toks[i].Is(',') || InsideChild(p, k, i)) continue;
                int close = -1;
                for (int j = i + 2; j < Math.Min(u.TokEnd, i + 7); j++)
                    if (toks[j].Is(',') || p.IsSentenceEnd(j) && j + 1 < u.TokEnd && toks[j + 1].IsCapitalized) { close = j; break; }
                if (close < 0 || close + 1 >= u.TokEnd) continue;
                var cues = CueFinder.Find(p, i + 1, close, _ => false);
                if (cues.Count == 0 || cues[0].Kind is CueKind.According or CueKind.AccordingAfter or CueKind.Impersonal) continue;
                // "„…, so Merz, …“" opens its incise; "„Ich dachte, das ist so ein Spinner. …“" is the quotation going on.
                if (cues[0].Kind == CueKind.So && cues[0].Start != i + 1) continue;
                // The incise holds a subject: a pronoun or a name, not a clause of the quotation itself.
                bool subject = false;
                for (int j = i + 1; j < close; j++) if (p.PronounGender(j) is not null || p.HitAt(j) is not null || (toks[j].IsCapitalized && j > i + 1)) subject = true;
                if (!subject) continue;
                var second = new QuoteUnit
                {
                    Para = p.Index, TokStart = close + 1, TokEnd = u.TokEnd, ContentStart = toks[close + 1].Start, ContentEnd = u.ContentEnd,
                    Style = "marked", Kind = "full", CloseTok = u.CloseTok, AttrStart = i + 1, AttrEnd = close,
                };
                u.TokEnd = i;
                u.ContentEnd = toks[i - 1].End;
                u.CloseTok = -1;
                u.AttrStart = i + 1;
                u.AttrEnd = close;
                found.Add(second);
                break;
            }
        }
    }

    bool InsideChild(ParagraphContext p, int parent, int tok)
    {
        foreach (var k in found.UnitsOf(p.Index))
            if (Units[k].Parent == parent && tok >= Units[k].Before && tok < Units[k].After) return true;
        return false;
    }
}
