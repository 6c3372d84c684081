namespace Cql.Engine.Quotes;

/// <summary>
/// Interview transcripts and Q/A pieces: paragraphs that open with a speaker label ("ELLERY: …", "Kessler: …",
/// "SEN. MARGARET ELLERY (R), OHIO: …") are the labelled person's words, one direct quotation per paragraph. The
/// interviewer is the journalist: the label whose turns ask the most questions is the host, and its turns are read
/// as ordinary text. Where the host is labelled too, an unlabelled paragraph after a guest's turn continues it.
/// </summary>
internal static class TranscriptTurns
{
    /// <summary>A label has at most this many tokens before its colon.</summary>
    const int MaxLabelTokens = 12;

    readonly record struct Label(int Colon, string Head, int NameWords, bool Question);

    /// <summary>Sets <see cref="QuoteParagraph.TurnHead"/> and <see cref="QuoteParagraph.TurnStart"/> on the guest
    /// turns of a transcript; leaves every paragraph of any other document alone.</summary>
    public static void Mark(FoundQuotes found, string text)
    {
        var paras = found.Paragraphs;
        var labels = new Label?[paras.Count];
        var turns = new Dictionary<string, (int Count, int Questions)>(StringComparer.OrdinalIgnoreCase);
        // The first paragraph is the headline ("Verbundchefin Kessler: „…“"): a deck, not a turn.
        for (int i = 1; i < paras.Count; i++)
        {
            if (paras[i].Context.Info.Boilerplate || ReadLabel(paras[i].Context) is not { } l) continue;
            labels[i] = l;
            turns.TryGetValue(l.Head, out var n);
            turns[l.Head] = (n.Count + 1, n.Questions + (l.Question ? 1 : 0));
        }
        if (turns.Count == 0) return;
        int total = 0;
        string? host = null;
        int hostQuestions = 0, heads = 0;
        foreach (var (head, n) in turns)
        {
            if (!Eligible(head, n.Count, labels, text)) continue;
            heads++;
            total += n.Count;
            if (n.Questions > hostQuestions) (host, hostQuestions) = (head, n.Questions);
        }
        if (total < 3) return;
        if (heads < 2) host = null;
        // The interview goes on after a paragraph only while a labelled turn follows: the closing text is the article's.
        var turnAhead = new bool[paras.Count + 1];
        for (int i = paras.Count - 1; i >= 0; i--)
            turnAhead[i] = turnAhead[i + 1] || i + 1 < paras.Count && labels[i + 1] is { } next && Eligible(next.Head, turns[next.Head].Count, labels, text);
        string? current = null;
        for (int i = 1; i < paras.Count; i++)
        {
            var p = paras[i];
            if (labels[i] is { } l && Eligible(l.Head, turns[l.Head].Count, labels, text))
            {
                bool guest = host is null || !string.Equals(l.Head, host, StringComparison.OrdinalIgnoreCase);
                current = guest ? l.Head : null;
                if (guest) (p.TurnHead, p.TurnStart) = (l.Head, ContentStart(p.Context, l.Colon + 1));
                continue;
            }
            var toks = p.Context.Tokens;
            // A continuation needs a labelled host (else an unlabelled question reads as the guest's) and plain text.
            if (current is null || host is null || !turnAhead[i] || p.Context.Info.Boilerplate || toks.Count == 0 || toks[0].Kind == TokenKind.Mark || toks[0].Is('('))
            {
                current = null;
                continue;
            }
            (p.TurnHead, p.TurnStart) = (current, 0);
        }
    }

    /// <summary>A label that repeats, or a one-off one of a full name ("GOV. RENATA OKAFOR") whose surname the
    /// article also writes: not "Interview: Tobias Renner" or "Transcript: …".</summary>
    static bool Eligible(string head, int count, Label?[] labels, string text)
    {
        if (count >= 2) return true;
        foreach (var l in labels)
            if (l is { } x && string.Equals(x.Head, head, StringComparison.OrdinalIgnoreCase) && x.NameWords < 2) return false;
        string name = char.ToUpperInvariant(head[0]) + head[1..].ToLowerInvariant();
        return text.Contains(name, StringComparison.Ordinal);
    }

    /// <summary>"NAME:" at the start of the paragraph: capitalised words (with abbreviation stops, and a
    /// parenthesis or comma after the name: "(R), OHIO"), then a colon and text.</summary>
    static Label? ReadLabel(ParagraphContext p)
    {
        var toks = p.Tokens;
        string? head = null;
        int nameWords = 0;
        bool nameDone = false, inParens = false;
        for (int i = 0; i < toks.Count && i <= MaxLabelTokens; i++)
        {
            var t = toks[i];
            if (t.Is(':'))
            {
                if (head is null || i + 1 >= toks.Count) return null;
                bool question = false;
                for (int k = i + 1; k < toks.Count; k++) if (toks[k].Is('?')) { question = true; break; }
                return new Label(i, head, nameWords, question);
            }
            if (t.Is('(')) { inParens = nameDone = true; continue; }
            if (t.Is(')')) { inParens = false; continue; }
            if (t.Is(',')) { nameDone = true; continue; }
            if (t.Is('.') || inParens) continue;
            if (!t.IsCapitalized) return null;
            if (nameDone) continue;
            head = t.Text;
            nameWords++;
        }
        return null;
    }

    /// <summary>The first token of the turn's words: past a stage direction ("(LAUGHS)", "(lacht)").</summary>
    static int ContentStart(ParagraphContext p, int from)
    {
        var toks = p.Tokens;
        if (from < toks.Count && toks[from].Is('('))
            for (int k = from + 1; k < toks.Count - 1; k++)
                if (toks[k].Is(')')) return k + 1;
        return from;
    }
}
