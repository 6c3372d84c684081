namespace Cql.Engine.Quotes;

/// <summary>
/// Where German writes the source of a sentence's words: inside the sentence, without commas ("Ein Urteil wird nach
/// Angaben einer Sprecherin Ende Januar erwartet.", "Besonders betroffen seien der Studie zufolge Schichtarbeiter …"),
/// where the whole sentence is the report, as annotators mark it; or fronted before the verb ("Nach Angaben der
/// staatlichen Statistikbehörde sind die Heizkosten …"), where the report opens at the verb, the second place of a
/// German main clause.
/// </summary>
internal static class GermanAccording
{
    /// <summary>Words a fronted source may hold before its verb.</summary>
    const int MaxSourceWords = 10;

    /// <summary>Whether the "laut", "nach Angaben" or "zufolge" cue <paramref name="c"/> stands inside the sentence that
    /// opens at word <paramref name="first"/>: after two words or more and no comma, before a source that opens with an
    /// article or a capital ("laut einer Studie", "laut Polizei"; "lachte laut auf" names none), a "zufolge" after a
    /// verb (else the words before it are all its source: "Einer Umfrage des Verbands zufolge planen …").</summary>
    public static bool InsideSentence(ParagraphContext p, CueHit c, int first, int se, Func<int, bool> opaque)
    {
        if (!p.IsGerman || c.Start - first < 2) return false;
        for (int k = first; k < c.Start; k++)
            if (opaque(k) || !p.Tokens[k].IsWord && !p.Tokens[k].Is('.')) return false;
        if (c.Kind == CueKind.AccordingAfter) return IndirectSpeech.HasFinite(p, first, c.Start);
        return c.End < se && p.Tokens[c.End].IsWord && (p.Tokens[c.End].IsCapitalized || p.IsDetDef(c.End) || p.IsDetIndef(c.End));
    }

    /// <summary>The verb after a source fronted with its cue at the sentence's start: the first lowercase word after a
    /// noun, a parenthesis or closing marks that is no article, preposition or conjunction; -1 when none comes within
    /// <see cref="MaxSourceWords"/> words.</summary>
    public static int VerbAfterSource(ParagraphContext p, int from, int se, Func<int, bool> opaque)
    {
        if (!p.IsGerman) return -1;
        var toks = p.Tokens;
        for (int k = from + 1, words = 0; k < se && words < MaxSourceWords; k++)
        {
            var t = toks[k];
            if (t.Is(',') || t.Is(';') || t.Is(':') || p.IsSentenceEnd(k)) return -1;
            if (!t.IsWord || opaque(k)) continue;
            words++;
            var before = toks[k - 1];
            bool afterNoun = before.IsWord && before.IsCapitalized || before.Is(')') || before.Kind == TokenKind.Mark;
            if (afterNoun && !t.IsCapitalized && !p.IsDetDef(k) && !p.IsDetIndef(k) && !p.IsPreposition(k) && !p.IsConjunction(k)) return k;
        }
        return -1;
    }

    /// <summary>Where the source after "laut" or "nach Angaben" ends in German, where no comma closes it: before the
    /// first lowercase word after its noun that is no article or preposition (the verb, an adverb: "laut Vereinsangaben
    /// weiterhin …", "des Vereins erlitt …"), or after the one noun of an indefinite article ("eines Gerichtssprechers
    /// Ende Januar"); a genitive or a place after a preposition goes on ("der Polizei Bielefeld", "des Verbands der
    /// Chemischen Industrie", "von der Universität Kiel"); <paramref name="se"/> in other languages.</summary>
    public static int SourceEnd(ParagraphContext p, int from, int se)
    {
        if (!p.IsGerman) return se;
        var toks = p.Tokens;
        // "nach Angaben einer": the cue may end in the source's article.
        bool noun = false, indefinite = from > 0 && p.IsDetIndef(from - 1);
        for (int k = from; k < se; k++)
        {
            var t = toks[k];
            if (t.Is('('))
            {
                while (k + 1 < se && !toks[k].Is(')')) k++;
                continue;
            }
            // "laut „Bild“": a newspaper's name in marks.
            if (t.Kind == TokenKind.Mark) continue;
            if (!t.IsWord) return k;
            if (p.IsDetDef(k) || p.IsDetIndef(k) || noun && p.IsPreposition(k))
            {
                noun = false;
                indefinite = p.IsDetIndef(k);
                continue;
            }
            if (t.IsCapitalized)
            {
                if (noun && indefinite) return k;
                noun = true;
                continue;
            }
            if (noun) return k;
        }
        return se;
    }
}
