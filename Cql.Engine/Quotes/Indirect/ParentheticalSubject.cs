namespace Cql.Engine.Quotes;

/// <summary>
/// "said investors, who bought many condos, had left", "says the fire, nicknamed “the Ridge fire” by locals, is out of
/// control", "says staffing, not pay, is the sticking point": a relative clause, a participle, a contrast, an age or a
/// name in marks set off by commas inside the subject of a reported clause. The clause's verb comes right after the
/// closing comma, so the comma neither ends the clause nor hides its verb.
/// </summary>
internal static class ParentheticalSubject
{
    /// <summary>Words a parenthetical may hold between its commas.</summary>
    const int MaxWords = 16;

    /// <summary>The token after the parenthetical that opens at comma <paramref name="comma"/> of sentence end
    /// <paramref name="se"/>, when it has one of the shapes above and a finite verb follows its closing comma (an
    /// adverb may stand between); -1 otherwise (", said Smith" is a cue, not the verb of the clause).</summary>
    public static int After(ParagraphContext p, int comma, int se)
    {
        var toks = p.Tokens;
        if (comma + 2 >= se || !Opens(p, comma + 1)) return -1;
        int words = 0;
        for (int k = comma + 1; k < se; k++)
        {
            var t = toks[k];
            if (p.IsSentenceEnd(k) || t.Is(';') || t.Is(':')) return -1;
            if (t.IsWord && ++words > MaxWords) return -1;
            if (!t.Is(',')) continue;
            int verb = k + 1;
            // “Fighting for Us,” was …: the comma inside the closing mark closes the parenthetical.
            if (verb < se && toks[verb].Kind == TokenKind.Mark) verb++;
            int after = verb;
            if (verb < se && p.IsAdverb(verb)) verb++;
            if (verb < se && (p.IsAux(verb) || p.LooksFinite(verb)) && !p.IsClauseCue(verb)) return after;
        }
        return -1;
    }

    /// <summary>Token <paramref name="k"/> opens a parenthetical: a relative pronoun, a participle, a negation ("not
    /// pay"), an article (an apposition), a number (an age) or a quotation mark (a name).</summary>
    static bool Opens(ParagraphContext p, int k)
    {
        var t = p.Tokens[k];
        if (t.Kind == TokenKind.Mark) return true;
        if (!t.IsWord) return false;
        if (p.IsSubordinator(k) && !p.IsComplementizer(k) || p.IsNegation(k) || p.IsDetDef(k) || p.IsDetIndef(k) || char.IsDigit(t.Text[0])) return true;
        // An English participle in -ing ("speaking through an interpreter"); other languages' words in -ing are nouns.
        return !t.IsCapitalized && (p.LooksFinite(k) || t.Lower.EndsWith("ing", StringComparison.Ordinal) && p.Languages.Contains("en"));
    }
}
