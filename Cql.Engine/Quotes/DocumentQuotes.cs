using Cql.Engine.Ingest;

namespace Cql.Engine.Quotes;

/// <summary>
/// Quote extraction for one document, in three steps. Detection: quotations between marks (<see cref="QuoteScanner"/>),
/// Scandinavian dash quotes ("– …, sier X."), block quotes after a colon, and French incises inside the marks.
/// Attribution, paragraph by paragraph and sentence by sentence in reading order, so the <see cref="Discourse"/>
/// knows who was named before each quote: the nearest cue of the quote's sentence (or the clause before a colon),
/// then, for a quote that has none, the next paragraph's "Det sier X", the speaker of the quote just before in the
/// same paragraph, or that of the paragraph before when nothing intervenes. Output: quotes, entity mentions, and
/// speakers the gazetteer did not know.
/// </summary>
internal sealed class DocumentQuotes
{
    readonly AnalyzedDocument _doc;
    readonly QuoteLexicon _lex;
    readonly EntityIndex _entities;
    readonly Func<ReadOnlyMemory<char>, string, string> _identify;
    readonly Discourse _discourse = new();
    readonly List<ParagraphContext> _paras = [];
    readonly List<QuoteUnit> _units = [];
    readonly List<List<int>> _unitsOf = [];
    readonly List<Referent?> _closingSpeaker = [];
    readonly List<(int Para, int Start, int End, Referent Ref)> _names = [];
    readonly List<string> _languages;
    readonly bool _reversedGuillemets;

    static readonly HashSet<string> DashLanguages = new(StringComparer.Ordinal) { "no", "sv", "da", "nb", "nn", "fi", "is" };
    static readonly HashSet<string> BackReferences = new(StringComparer.Ordinal)
    {
        "det", "dette", "detta", "så", "das", "dies", "that", "this", "ce", "c'est", "c’est", "questo", "lo", "dat", "dit", "eso", "esto",
    };
    /// <summary>Fragments this short are framed by their sentence's grammar: no identifier can tell their language.</summary>
    const int MinWordsForLanguage = 5;
    const int MinNarrationWords = 8;

    public DocumentQuotes(AnalyzedDocument doc, QuoteLexicon lex, EntityIndex entities, Func<ReadOnlyMemory<char>, string, string> identify)
    {
        _doc = doc;
        _lex = lex;
        _entities = entities;
        _identify = identify;
        _languages = DocumentLanguages(doc, lex);
        _reversedGuillemets = _languages.Count > 0 && _languages[0] is "de" or "da";
    }

    public QuoteExtraction Run()
    {
        for (int i = 0; i < _doc.Paragraphs.Count; i++)
        {
            var info = _doc.Paragraphs[i];
            var langs = new List<string>(_languages);
            if (_lex.Languages.ContainsKey(info.Lang.Code) && !langs.Contains(info.Lang.Code)) langs.Add(info.Lang.Code);
            _paras.Add(new ParagraphContext(i, info, _doc.Text, _lex, langs, _entities));
            _unitsOf.Add([]);
            _closingSpeaker.Add(null);
        }
        for (int i = 0; i < _paras.Count; i++) Detect(_paras[i]);
        for (int i = 0; i < _paras.Count; i++) Attribute(_paras[i]);
        return Output();
    }

    /// <summary>The languages whose words to read: the document's verdict first, then those its function words point
    /// to (a Danish article taken for Norwegian reads as both).</summary>
    static List<string> DocumentLanguages(AnalyzedDocument doc, QuoteLexicon lex)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var text = doc.Text;
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsLetter(text[i])) i++;
            int s = i;
            while (i < text.Length && char.IsLetter(text[i])) i++;
            if (i == s) break;
            var w = text[s..i].ToLowerInvariant();
            foreach (var (lang, words) in lex.Languages)
                if (words.Function.Contains(w)) counts[lang] = counts.GetValueOrDefault(lang) + 1;
        }
        var result = new List<string>();
        if (lex.Languages.ContainsKey(doc.Lang.Code)) result.Add(doc.Lang.Code);
        int top = counts.Count == 0 ? 0 : counts.Values.Max();
        foreach (var (lang, n) in counts.OrderByDescending(kv => kv.Value))
            if (n >= top * 0.6 && top > 0 && !result.Contains(lang)) result.Add(lang);
        if (result.Count == 0) result.AddRange(lex.Languages.Keys);
        return result;
    }

    // ---------------------------------------------------------------- detection

    /// <summary>Boilerplate is not attributed; a title or caption still quotes, attributed within itself.</summary>
    static bool Extractable(ParagraphInfo info) => !info.Boilerplate || info.BoilerplateKind is "title" or "repeated_title" or "caption";
    static bool SelfContained(ParagraphInfo info) => info.Boilerplate;

    void Detect(ParagraphContext p)
    {
        if (!Extractable(p.Info) || p.Tokens.Count == 0) return;
        var text = _doc.Text;
        var toks = p.Tokens;
        var spans = QuoteScanner.Scan(text, p.Info.Range.Start, p.Info.Range.End, _reversedGuillemets);
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
            unitOfSpan[s] = Add(u);
            if (sp.Unclosed) AttributionInsideUnclosed(p, u);
        }
        if (IsList(p)) return;
        if (toks[0].Kind == TokenKind.Dash) DetectDash(p);
        else DetectBlock(p);
        SplitIncises(p);
    }

    static bool AfterTitleNoun(ParagraphContext p, int open)
    {
        for (int k = open - 1; k >= 0 && k >= open - 2; k--)
        {
            if (p.Lexicon.IsTitleNoun(p.Tokens[k].Lower)) return true;
            if (!(p.IsDetDef(k) || p.IsDetIndef(k))) return false;
        }
        return false;
    }

    int Add(QuoteUnit u)
    {
        _units.Add(u);
        _unitsOf[u.Para].Add(_units.Count - 1);
        return _units.Count - 1;
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
            if (toks[i].Kind == TokenKind.Dash && p.IsSentenceEnd(i - 1) && !InsideMarked(p, i)) starts.Add(i);
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
            int index = Add(u);
            foreach (var k in _unitsOf[p.Index])
                if (k != index && _units[k].Parent < 0 && _units[k].TokStart >= from && _units[k].TokEnd <= contentEnd) _units[k].Parent = index;
        }
    }

    bool InsideMarked(ParagraphContext p, int tok, QuoteUnit? except = null)
    {
        foreach (var k in _unitsOf[p.Index])
            if (_units[k] != except && _units[k].Style == "marked" && tok >= _units[k].TokStart && tok < _units[k].TokEnd) return true;
        return false;
    }

    /// <summary>The comma that opens a trailing attribution in tokens [from, to): followed by a cue, or by a subject
    /// and a cue ("…, sier X.", "…, la han til.", "…, skal Xi ha sagt, …", "…, ha detto Bianchi …"), with no
    /// sentence ending after it but the last. -1 when there is none.</summary>
    int AttributionComma(ParagraphContext p, int from, int to, QuoteUnit? self = null)
    {
        var toks = p.Tokens;
        for (int i = from + 1; i < to - 1; i++)
        {
            if (!toks[i].Is(',') || InsideMarked(p, i, self)) continue;
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

    /// <summary>A paragraph without marks after one ending in a colon that introduces it ("said in a statement:") or
    /// in another language than it: a block quotation.</summary>
    void DetectBlock(ParagraphContext p)
    {
        if (p.Index == 0) return;
        var intro = _paras[p.Index - 1];
        if (intro.Info.Boilerplate || intro.Tokens.Count == 0 || !intro.Tokens[^1].Is(':')) return;
        var toks = p.Tokens;
        if (toks[0].Kind is TokenKind.Mark or TokenKind.Dash || !p.IsSentenceEnd(toks.Count - 1) && !(toks[^1].Kind == TokenKind.Mark && p.IsSentenceEnd(toks.Count - 2))) return;
        int words = 0;
        foreach (var t in toks) if (t.IsWord) words++;
        if (words < 6) return;
        var (ls, _) = LastSentence(intro);
        bool cue = CueFinder.Find(intro, ls, intro.Tokens.Count, _ => false).Count > 0;
        bool otherLanguage = intro.Info.Lang.Code != p.Info.Lang.Code && p.Info.Lang.Code != "und";
        if (!cue && !otherLanguage) return;
        var u = new QuoteUnit
        {
            Para = p.Index, TokStart = 0, TokEnd = toks.Count, ContentStart = toks[0].Start, ContentEnd = toks[^1].End, Style = "block", Kind = "block",
        };
        int index = Add(u);
        foreach (var k in _unitsOf[p.Index])
            if (k != index && _units[k].Parent < 0) _units[k].Parent = index;
    }

    static (int Start, int End) LastSentence(ParagraphContext p) => p.Sentences(0, p.Tokens.Count, _ => false)[^1];

    /// <summary>« Ce texte est illégitime, a-t-elle affirmé, et nous le combattrons. »: the attribution inside the
    /// marks splits the quotation in two parts.</summary>
    void SplitIncises(ParagraphContext p)
    {
        var toks = p.Tokens;
        foreach (var k in _unitsOf[p.Index].ToArray())
        {
            var u = _units[k];
            if (u.Style != "marked" || u.Parent >= 0 || u.AttrStart >= 0 || u.CloseTok < 0) continue;
            for (int i = u.TokStart + 1; i < u.TokEnd - 2; i++)
            {
                if (!toks[i].Is(',') || InsideChild(p, k, i)) continue;
                int close = -1;
                for (int j = i + 2; j < Math.Min(u.TokEnd, i + 7); j++) if (toks[j].Is(',')) { close = j; break; }
                if (close < 0 || close + 1 >= u.TokEnd) continue;
                var cues = CueFinder.Find(p, i + 1, close, _ => false);
                if (cues.Count == 0 || cues[0].Kind is CueKind.According or CueKind.AccordingAfter or CueKind.Impersonal) continue;
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
                Add(second);
                break;
            }
        }
    }

    bool InsideChild(ParagraphContext p, int parent, int tok)
    {
        foreach (var k in _unitsOf[p.Index])
            if (_units[k].Parent == parent && tok >= _units[k].Before && tok < _units[k].After) return true;
        return false;
    }

    // ---------------------------------------------------------------- attribution

    void Attribute(ParagraphContext p)
    {
        var mine = _unitsOf[p.Index];
        mine.Sort((a, b) => _units[a].ContentStart.CompareTo(_units[b].ContentStart));
        var top = mine.Where(k => _units[k].Parent < 0).ToList();
        bool Opaque(int i)
        {
            foreach (var k in top)
            {
                var u = _units[k];
                if (u.Style == "dash" ? i >= u.TokStart - 1 && i < u.TokEnd : i >= u.Before && i < u.After) return true;
            }
            return false;
        }
        bool selfContained = SelfContained(p.Info);
        var reader = new PhraseReader(p, _discourse, (j, phraseStart) => IsSentenceStart(p, j, Opaque));
        var attributor = new Attributor(p, _discourse, reader);
        var sentences = p.Sentences(0, p.Tokens.Count, Opaque);
        Referent? lastSentenceSpeaker = null;
        foreach (var (ss, se) in sentences)
        {
            if (!selfContained) NoteMentions(p, reader, ss, se, Opaque);
            var cues = CueFinder.Find(p, ss, se, Opaque);
            foreach (var k in top)
            {
                var u = _units[k];
                if (u.Before < ss || u.Before >= se) continue;
                if (u.Style == "block") AttributeBlock(p, u);
                else if (u.AttrStart >= 0) AttributeByClause(p, attributor, u, selfContained);
                else AttributeMarked(p, attributor, u, k, ss, se, cues, Opaque, selfContained);
            }
            lastSentenceSpeaker = null;
            foreach (var c in cues)
            {
                if (c.Kind is not (CueKind.Speech or CueKind.Tell) || selfContained) continue;
                // Indirect speech ("Hansen sier at …") makes its subject the one a following quote may continue.
                var a = attributor.Resolve(c, ss, ss, se, Opaque, allowDiscourse: true);
                if (a.Speaker is { } r)
                {
                    _discourse.Note(r, p.Index, c.Start, subject: true, speaker: true, humanVoice: a.HumanVoice);
                    lastSentenceSpeaker = r;
                }
            }
        }
        _closingSpeaker[p.Index] = lastSentenceSpeaker;
        Continue(p, top, Opaque);
        foreach (var k in mine.Where(k => _units[k].Parent >= 0)) AttributeNested(p, attributor, k);
        // Kinds of marked quotes.
        foreach (var k in top) if (_units[k].Style == "marked" && _units[k].Kind != "full") _units[k].Kind = KindOf(p, _units[k], sentences, Opaque);
    }

    static bool IsSentenceStart(ParagraphContext p, int j, Func<int, bool> opaque)
    {
        for (int k = j - 1; k >= 0; k--)
        {
            var t = p.Tokens[k];
            if (t.Kind is TokenKind.Mark or TokenKind.Dash || t.Is('(')) continue;
            if (opaque(k)) return false;
            return p.IsSentenceEnd(k) || t.Is(':');
        }
        return true;
    }

    void NoteMentions(ParagraphContext p, PhraseReader reader, int ss, int se, Func<int, bool> opaque)
    {
        bool subjectTaken = false;
        int words = 0;
        for (int k = ss; k < se; k++) if (p.Tokens[k].IsWord && !opaque(k)) words++;
        Phrase? previous = null;
        for (int k = ss; k < se; k++)
        {
            if (opaque(k) || !p.Tokens[k].IsWord) continue;
            bool inPp = k > ss && p.IsPreposition(k - 1);
            if (reader.Read(k, se) is not { } ph) continue;
            // A lone capitalised word the article gives no other reason to take for a name is no antecedent.
            bool weak = ph.Kind == PhraseKind.Named && ph.Ref is { Known: null } wr && !wr.Name.Contains(' ') && !p.Tokens[ph.End - 1].IsAllCaps && p.FirstNameAt(ph.Start) is null && ph.Role is null;
            if (ph.Kind == PhraseKind.Named && ph.Ref is { } r && !weak)
            {
                bool subject = !subjectTaken && !inPp && words >= 3;
                _discourse.Note(r, p.Index, k, subject, speaker: false, humanVoice: false);
                if (r.Known is null) _names.Add((p.Index, ph.Start, ph.End, r));
                if (ph.Role is { } role) _discourse.NoteRole(role.Class, r, p.Index);
                // "Sara Bianchi, sindaca di Faenza" and "La cheffe des députés insoumis, Mathilde Panot".
                if (previous is { Kind: PhraseKind.Role, Role: { } prole } && previous.End + 1 == ph.Start && p.Tokens[previous.End].Is(',')) _discourse.NoteRole(prole.Class, r, p.Index);
            }
            else if (ph.Kind == PhraseKind.Role && ph.Role is { } role2 && previous is { Kind: PhraseKind.Named, Ref: { } pr } && previous.End + 1 == ph.Start && p.Tokens[previous.End].Is(','))
                _discourse.NoteRole(role2.Class, pr, p.Index);
            if (!inPp && ph.Kind != PhraseKind.Common) subjectTaken = true;
            previous = ph;
            k = ph.End - 1;
        }
    }

    void AttributeMarked(ParagraphContext p, Attributor attributor, QuoteUnit u, int index, int ss, int se, List<CueHit> cues, Func<int, bool> opaque, bool selfContained)
    {
        var toks = p.Tokens;
        int before = u.Before;
        u.SentenceEnd = se;
        // "ordet «krig»", "the term “no limits”": a word mentioned, not quoted; so is "… eller «eldupphör»" after it.
        for (int k = before - 1; k >= ss && k >= before - 2; k--)
            if (p.IsTermNoun(k)) { u.Settled = u.IsTerm = true; return; }
        if (before - 2 >= ss && p.IsConjunction(before - 1) && PreviousUnitEndingAt(p, before - 1) is { IsTerm: true }) { u.Settled = u.IsTerm = true; return; }
        int colon = before - 1 >= ss && toks[before - 1].Is(':') ? before - 1 : -1;
        if (colon >= 0)
        {
            var intro = cues.Where(c => c.End <= colon).ToList();
            if (intro.Count > 0) { Apply(u, attributor.Resolve(intro[^1], ss, ss, se, opaque, !selfContained), p); return; }
            var reader = new PhraseReader(p, _discourse, (j, _) => IsSentenceStart(p, j, opaque));
            for (int k = ss; k < colon; k++)
            {
                if (opaque(k) || !toks[k].IsWord || p.IsPreposition(k)) continue;
                if (reader.Read(k, colon) is { } ph)
                {
                    var r = ph.Kind switch
                    {
                        PhraseKind.Named => ph.Ref,
                        PhraseKind.Document => ph.Affiliation,
                        PhraseKind.Pronoun when !selfContained => _discourse.Resolve(ph.Gender is 'f' or 'm' ? ph.Gender : '?', p.Index, k, false),
                        PhraseKind.Role when ph.Affiliation is { } aff && ph.Role!.Class == "spokesperson" => aff,
                        _ => null,
                    };
                    if (r is { CanSpeak: true })
                    {
                        u.Speaker = r;
                        u.SpeakerText = p.Slice(ph.Start, ph.End);
                        u.Settled = true;
                        Note(u, p, k);
                    }
                    break;
                }
            }
            if (u.Speaker is null) u.Kind = "full";
            return;
        }
        // A speech verb names the speaker; "ifølge X" and "hieß es" decide only when the sentence has none
        // ("…, uttrykte Xi …, ifølge en uttalelse fra …": Xi speaks, the statement reports).
        CueHit? after = null, beforeCue = null;
        foreach (var weak in (bool[])[false, true])
        {
            foreach (var c in cues)
            {
                if ((c.Kind is CueKind.According or CueKind.AccordingAfter or CueKind.Impersonal) != weak && !weak) continue;
                if (c.Start >= u.After && after is null && c.Start - u.After <= 14 && !UnitBetween(p, u.After, c.Start, index)) after = c;
                if (c.End <= before) beforeCue = c;
            }
            if (after is not null || beforeCue is not null) break;
        }
        bool fronted = IsSentenceStart(p, before, opaque) || before == ss;
        // The nearer cue wins, counted in words; a verb coordinated after the quote ("betonte Xi, dass … „…“ habe, und
        // forderte …") yields to the one that governs the clause the quote stands in.
        bool coordinatedAfter = after is not null && (after.Start > 0 && p.IsConjunction(after.Start - 1) || after.Start > 1 && p.IsConjunction(after.Start - 2) && !p.Tokens[after.Start - 1].IsCapitalized);
        CueHit? chosen = fronted ? after ?? beforeCue
            : after is null ? beforeCue
            : beforeCue is null ? after
            : coordinatedAfter ? beforeCue
            : Words(p, u.After, after.Start) < Words(p, beforeCue.End, before) ? after : beforeCue;
        if (chosen is not null)
        {
            // The clause before an after-quote cue begins right after the quote: "“…,” Diane Swonk, chief economist at KPMG, told Reuters".
            int floor = chosen.Start >= u.After ? u.After : ss;
            Apply(u, attributor.Resolve(chosen, floor, ss, se, opaque, !selfContained, antecedentLimit: chosen.Start >= u.After ? ss : -1), p);
            return;
        }
        // German reported speech in the subjunctive continues the last speaker: "Die Berichte seien „reine Erfindung“".
        for (int k = ss; k < se; k++)
            if (!opaque(k) && p.IsSubjunctive(k) && !selfContained && LastSpeakerBefore(p, u) is { } r)
            {
                u.Speaker = r;
                u.Settled = true;
                return;
            }
        if (!fronted) u.Settled = true;
    }

    static int Words(ParagraphContext p, int from, int to)
    {
        int n = 0;
        for (int k = from; k < to; k++) if (p.Tokens[k].IsWord) n++;
        return n;
    }

    QuoteUnit? PreviousUnitEndingAt(ParagraphContext p, int tok)
    {
        foreach (var k in _unitsOf[p.Index]) if (_units[k].After == tok) return _units[k];
        return null;
    }

    bool UnitBetween(ParagraphContext p, int from, int to, int self)
    {
        foreach (var k in _unitsOf[p.Index])
            if (k != self && _units[k].Parent < 0 && _units[k].Before >= from && _units[k].Before < to) return true;
        return false;
    }

    void AttributeByClause(ParagraphContext p, Attributor attributor, QuoteUnit u, bool selfContained)
    {
        int end = Math.Min(u.AttrEnd, SentenceEndAfter(p, u.AttrStart));
        var cues = CueFinder.Find(p, u.AttrStart, end, _ => false);
        var cue = cues.FirstOrDefault(c => c.Kind is not (CueKind.According or CueKind.AccordingAfter)) ?? cues.FirstOrDefault();
        if (cue is null) return;
        Apply(u, attributor.Resolve(cue, u.AttrStart, u.AttrStart, end, _ => false, !selfContained, antecedentLimit: u.Style == "dash" ? 0 : u.Before), p);
    }

    static int SentenceEndAfter(ParagraphContext p, int from)
    {
        for (int k = from; k < p.Tokens.Count; k++) if (p.IsSentenceEnd(k)) return k + 1;
        return p.Tokens.Count;
    }

    void Apply(QuoteUnit u, Attribution a, ParagraphContext p)
    {
        u.Speaker = a.Speaker;
        u.SpeakerText = a.SpeakerText;
        u.Cue = a.CueText;
        u.Via = a.Via;
        u.Settled = true;
        if (a.Speaker is { } r)
        {
            _discourse.Note(r, p.Index, u.TokStart, subject: true, speaker: true, humanVoice: a.HumanVoice);
            if (a.RoleClass is { } role) _discourse.NoteRole(role, r, p.Index);
        }
    }

    void Note(QuoteUnit u, ParagraphContext p, int tok)
    {
        if (u.Speaker is { } r) _discourse.Note(r, p.Index, tok, subject: true, speaker: true, humanVoice: r.IsPerson);
    }

    /// <summary>A block's speaker is who the colon line introduces ("Han talade … :", "The Local Government
    /// Association said in a statement:"); a block that speaks of that one by name in the third person is the text
    /// of whoever reported it (the medium the introduction names).</summary>
    void AttributeBlock(ParagraphContext p, QuoteUnit u)
    {
        var intro = _paras[p.Index - 1];
        var (ls, le) = LastSentence(intro);
        var reader = new PhraseReader(intro, _discourse, (j, _) => IsSentenceStart(intro, j, _ => false));
        var attributor = new Attributor(intro, _discourse, reader);
        var cues = CueFinder.Find(intro, ls, le, _ => false);
        Attribution? a = cues.Count > 0 ? attributor.Resolve(cues[^1], ls, ls, le, _ => false, allowDiscourse: true) : null;
        var speaker = a?.Speaker;
        if (speaker is not null && Mentions(p, speaker))
        {
            speaker = null;
            // Who reported it: a medium that is a cue's subject in the introduction ("Politico rapporterar").
            foreach (var (s, e) in intro.Sentences(0, intro.Tokens.Count, _ => false))
                foreach (var c in CueFinder.Find(intro, s, e, _ => false))
                    if (attributor.Resolve(c, s, s, e, _ => false, allowDiscourse: false) is { Speaker: { Kind: "medium" or "organisation" } m } && !Mentions(p, m))
                    {
                        speaker = m;
                        a = attributor.Resolve(c, s, s, e, _ => false, allowDiscourse: false);
                    }
        }
        u.Speaker = speaker;
        u.SpeakerText = speaker is null ? null : a?.SpeakerText;
        u.Cue = a?.CueText;
        u.Settled = true;
        Note(u, p, 0);
    }

    bool Mentions(ParagraphContext p, Referent r)
    {
        foreach (var h in p.Hits) if (h.Entity.Name == r.Name) return true;
        return r.Known is null && p.Text.AsSpan(p.Info.Range.Start, p.Info.Range.Length).Contains(r.Name, StringComparison.Ordinal);
    }

    Referent? LastSpeakerBefore(ParagraphContext p, QuoteUnit u)
    {
        foreach (var k in _unitsOf[p.Index])
            if (_units[k] != u && _units[k].Parent < 0 && _units[k].ContentStart < u.ContentStart && _units[k].Speaker is not null) return LastOf(p.Index, u);
        return p.Index > 0 ? LastAttributed(p.Index - 1) : null;

        Referent? LastOf(int para, QuoteUnit before)
        {
            Referent? r = null;
            foreach (var k in _unitsOf[para])
                if (_units[k].Parent < 0 && _units[k].ContentStart < before.ContentStart && _units[k].Speaker is { } s) r = s;
            return r;
        }
    }

    Referent? LastAttributed(int para)
    {
        Referent? r = null;
        foreach (var k in _unitsOf[para]) if (_units[k].Parent < 0 && _units[k].Speaker is { } s) r = s;
        return r ?? _closingSpeaker[para];
    }

    /// <summary>Quotes without a cue of their own: the next paragraph's "Det sier X"; the quote before in the same
    /// paragraph when no one else is named between; the paragraph before when this one is nothing but quotation.</summary>
    void Continue(ParagraphContext p, List<int> top, Func<int, bool> opaque)
    {
        if (SelfContained(p.Info)) return;
        Referent? backward = null;
        string? backwardText = null, backwardCue = null;
        bool quoteOnly = IsQuoteOnly(p, top, opaque);
        if (quoteOnly && p.Index + 1 < _paras.Count) (backward, backwardText, backwardCue) = BackReference(_paras[p.Index + 1]);
        Referent? previous = null;
        int previousEnd = -1;
        foreach (var k in top)
        {
            var u = _units[k];
            if (!u.Settled && u.Speaker is null)
            {
                if (backward is not null) { u.Speaker = backward; u.SpeakerText = backwardText; u.Cue = backwardCue; }
                else if (previous is not null && !NameBetween(p, previousEnd, u.Before, opaque)) u.Speaker = previous;
                else if (previous is null && quoteOnly && u.Before <= 1 && p.Index > 0 && PreviousSpeaker(p.Index, u.Style == "dash") is { } carried) u.Speaker = carried;
                if (u.Speaker is not null) Note(u, p, u.TokStart);
            }
            if (u.Speaker is not null) { previous = u.Speaker; previousEnd = u.AttrEnd >= 0 ? u.AttrEnd : Math.Max(u.After, u.SentenceEnd); }
        }
    }

    /// <summary>The speaker a quote paragraph continues: the one who spoke at the end of the paragraph before
    /// (skipping boilerplate), or the subject of its closing indirect speech or colon; null when a heading or
    /// narration intervenes.</summary>
    Referent? PreviousSpeaker(int para, bool dash)
    {
        int q = para - 1;
        while (q >= 0 && _paras[q].Info.Boilerplate) q--;
        if (q < 0) return null;
        var prev = _paras[q];
        var units = _unitsOf[q].Where(k => _units[k].Parent < 0).ToList();
        var (ls, _) = LastSentence(prev);
        if (units.Count > 0)
        {
            var last = _units[units[^1]];
            // The last quote must stand in the paragraph's last sentence: narration after it intervenes.
            if (last.Speaker is not null && last.TokEnd > ls && last.Kind != "partial") return last.Speaker;
        }
        // Indirect speech then a dash quote is the Scandinavian way to let someone speak on ("Hansen sier at …").
        return dash ? _closingSpeaker[q] : null;
    }

    bool IsQuoteOnly(ParagraphContext p, List<int> top, Func<int, bool> opaque)
    {
        if (top.Count == 0) return false;
        for (int i = 0; i < p.Tokens.Count; i++)
            if (p.Tokens[i].IsWord && !opaque(i) && !InAttribution(top, i)) return false;
        return top.All(k => _units[k].AttrStart < 0);
    }

    bool InAttribution(List<int> top, int i)
    {
        foreach (var k in top) if (_units[k].AttrStart >= 0 && i >= _units[k].AttrStart && i < _units[k].AttrEnd) return true;
        return false;
    }

    bool NameBetween(ParagraphContext p, int from, int to, Func<int, bool> opaque)
    {
        foreach (var h in p.Hits) if (h.TokStart >= from && h.TokStart < to && !opaque(h.TokStart) && h.Entity.Kind == "person") return true;
        for (int i = Math.Max(0, from); i < to && i < p.Tokens.Count; i++)
            if (!opaque(i) && p.Tokens[i].IsCapitalized && p.FirstNameAt(i) is not null) return true;
        return false;
    }

    /// <summary>"Det sier kommunikasjonssjef Kari Vold i Statnett.": a paragraph opening with a pronoun for what was
    /// just quoted and a cue names the speaker of the quote before it.</summary>
    (Referent?, string?, string?) BackReference(ParagraphContext next)
    {
        if (next.Info.Boilerplate || next.Tokens.Count < 3 || !BackReferences.Contains(next.Tokens[0].Lower)) return (null, null, null);
        var cues = CueFinder.Find(next, 1, Math.Min(next.Tokens.Count, 3), _ => false);
        if (cues.Count == 0 || cues[0].Start != 1 || cues[0].Kind is not (CueKind.Speech or CueKind.Tell)) return (null, null, null);
        var reader = new PhraseReader(next, _discourse, (j, _) => false);
        var attributor = new Attributor(next, _discourse, reader);
        int end = SentenceEndAfter(next, cues[0].End);
        var a = attributor.Resolve(cues[0], cues[0].End, 0, end, _ => false, allowDiscourse: true);
        return (a.Speaker, a.SpeakerText, a.CueText);
    }

    /// <summary>A quotation inside another is attributed from the words around it within the outer one only
    /// ("vowing to support Moscow’s “sovereignty and security.”"); it continues no one.</summary>
    void AttributeNested(ParagraphContext p, Attributor attributor, int index)
    {
        var u = _units[index];
        var parent = _units[u.Parent];
        bool Opaque(int i)
        {
            if (i < parent.TokStart || i >= parent.TokEnd) return true;
            foreach (var k in _unitsOf[p.Index])
                if (_units[k].Parent == u.Parent && i >= _units[k].Before && i < _units[k].After) return true;
            return false;
        }
        var sentences = p.Sentences(parent.TokStart, parent.TokEnd, Opaque);
        foreach (var (ss, se) in sentences)
        {
            if (u.Before < ss || u.Before >= se) continue;
            var cues = CueFinder.Find(p, ss, se, Opaque);
            AttributeMarked(p, attributor, u, index, ss, se, cues, Opaque, selfContained: parent.Style != "block");
            u.Kind = KindOf(p, u, sentences, Opaque);
            break;
        }
        if (u.Kind == "full" && parent.Style != "block") u.Kind = "partial";
    }

    /// <summary>Full when the quotation stands as a sentence of its own (it opens its sentence, follows a colon, or
    /// continues a quotation the attribution interrupted); partial when it is a fragment inside a sentence.</summary>
    string KindOf(ParagraphContext p, QuoteUnit u, List<(int Start, int End)> sentences, Func<int, bool> opaque)
    {
        string? previousKind(int closeTok)
        {
            foreach (var k in _unitsOf[p.Index]) if (_units[k].CloseTok == closeTok) return _units[k].Kind;
            return null;
        }
        if (u.Style != "marked") return u.Kind;
        int before = u.Before;
        if (before > 0 && p.Tokens[before - 1].Is(':')) return "full";
        if (IsSentenceStart(p, before, opaque)) return "full";
        foreach (var (ss, _) in sentences) if (ss == before) return "full";
        // "“Markets have priced in a short shutdown,” she said, “but not a long one.”"
        if (before > 0 && p.Tokens[before - 1].Is(','))
            for (int k = before - 2; k >= 0 && k >= before - 8; k--)
                if (p.Tokens[k].Kind == TokenKind.Mark && opaque(k))
                    return previousKind(k) == "full" ? "full" : "partial";
        return "partial";
    }

    // ---------------------------------------------------------------- output

    QuoteExtraction Output()
    {
        var quotes = new List<ExtractedQuote>(_units.Count);
        var newEntities = new Dictionary<string, EntityRecord>(StringComparer.Ordinal);
        var ordered = Enumerable.Range(0, _units.Count).OrderBy(k => _units[k].ContentStart).ToList();
        foreach (var k in ordered)
        {
            var u = _units[k];
            if (u.ContentEnd <= u.ContentStart) continue;
            var range = new TextRange(u.ContentStart, u.ContentEnd);
            var text = _doc.Text[u.ContentStart..u.ContentEnd];
            var prior = u.Parent >= 0 ? LanguageOf(_units[u.Parent]) : ParagraphLanguage(u.Para);
            var lang = LanguageOf(u, prior);
            if (u.Speaker is { Known: null, CanSpeak: true } r && !newEntities.ContainsKey(r.Name))
                newEntities[r.Name] = new EntityRecord(r.Name, r.Kind, AliasesOf(r)) { Gender = r.Gender };
            quotes.Add(new ExtractedQuote(range, text, u.Speaker?.Name, u.SpeakerText, u.Cue, u.Via, u.Kind, lang, u.Para, SentenceAt(u.ContentStart)));
        }
        return new QuoteExtraction(quotes, [.. newEntities.Values], Mentions(newEntities));
    }

    readonly Dictionary<int, string> _narrationLanguage = [];

    /// <summary>The language of a paragraph's own words, its quotations left out: a long English quotation must not
    /// make the Swedish sentence around a short fragment English. Falls back to the document's language.</summary>
    string ParagraphLanguage(int para)
    {
        if (_narrationLanguage.TryGetValue(para, out var known)) return known;
        var info = _doc.Paragraphs[para];
        var prior = info.Lang.Code == "und" ? _doc.Lang.Code : info.Lang.Code;
        var sb = new System.Text.StringBuilder();
        int at = info.Range.Start, words = 0;
        foreach (var k in _unitsOf[para].Where(k => _units[k].Parent < 0).OrderBy(k => _units[k].ContentStart))
        {
            var u = _units[k];
            if (u.ContentStart > at) sb.Append(_doc.Text, at, u.ContentStart - at).Append(' ');
            at = Math.Max(at, u.ContentEnd);
        }
        if (info.Range.End > at) sb.Append(_doc.Text, at, info.Range.End - at);
        foreach (var w in sb.ToString().Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries)) if (char.IsLetter(w[0])) words++;
        // The paragraph's verdict stands when narration makes up most of it; when quotations do, the narration is
        // judged alone, or, too short to judge, framed by the document's language.
        int quoted = info.Range.Length - sb.Length;
        var lang = quoted * 2 <= info.Range.Length ? prior
            : words >= MinNarrationWords ? _identify(sb.ToString().AsMemory(), _doc.Lang.Code) : _doc.Lang.Code;
        _narrationLanguage[para] = lang;
        return lang;
    }

    string LanguageOf(QuoteUnit u, string? prior = null)
    {
        prior ??= ParagraphLanguage(u.Para);
        int words = 0;
        var t = _doc.Text;
        for (int i = u.ContentStart; i < u.ContentEnd; i++)
            if (char.IsLetter(t[i]) && (i == u.ContentStart || !char.IsLetter(t[i - 1]))) words++;
        return words < MinWordsForLanguage ? prior : _identify(t.AsMemory(u.ContentStart, u.ContentEnd - u.ContentStart), prior);
    }

    static IReadOnlyList<string> AliasesOf(Referent r)
    {
        var parts = r.Name.Split(' ');
        if (!r.IsPerson || parts.Length < 2) return [r.Name];
        // The surname with its particles: "van Halst", "von der Leyen", "Le Pen".
        int s = parts.Length - 1;
        while (s > 1 && parts[s - 1].Length <= 3 && (char.IsLower(parts[s - 1][0]) || parts[s - 1] is "Le" or "La" or "De" or "Van" or "Von")) s--;
        return [r.Name, string.Join(' ', parts[s..])];
    }

    int SentenceAt(int offset)
    {
        var s = _doc.Sentences;
        int lo = 0, hi = s.Count - 1, found = -1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >> 1;
            if (s[mid].Range.Start <= offset) { found = mid; lo = mid + 1; } else hi = mid - 1;
        }
        return found;
    }

    List<EntityMention> Mentions(Dictionary<string, EntityRecord> newEntities)
    {
        var list = new List<EntityMention>();
        var text = _doc.Text;
        foreach (var p in _paras)
            foreach (var h in p.Hits)
            {
                int s = p.Tokens[h.TokStart].Start, e = p.Tokens[h.TokEnd - 1].End;
                list.Add(new EntityMention(h.Entity.Name, new TextRange(s, e), text[s..e]));
            }
        var seen = new HashSet<(int, int)>();
        foreach (var (para, start, end, r) in _names)
        {
            if (!newEntities.ContainsKey(r.Name)) continue;
            var p = _paras[para];
            // The name itself, without a title that came with it ("Statsminister Jonas Gahr Støre").
            int s = start;
            while (s < end && !p.Tokens[s].IsCapitalized) s++;
            while (s < end - 1 && p.RoleAt(s) is not null) s++;
            if (s >= end || !seen.Add((p.Tokens[s].Start, p.Tokens[end - 1].End))) continue;
            int cs = p.Tokens[s].Start, ce = p.Tokens[end - 1].End;
            list.Add(new EntityMention(r.Name, new TextRange(cs, ce), text[cs..ce]));
        }
        list.Sort((a, b) => a.Range.Start.CompareTo(b.Range.Start));
        return list;
    }
}
