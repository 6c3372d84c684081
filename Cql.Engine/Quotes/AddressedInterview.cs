namespace Cql.Engine.Quotes;

/// <summary>
/// Interviews printed as questions and answers without speaker labels ("Frau Albrecht, wie oft haben Sie …?", then her
/// answer as a plain paragraph): when two paragraphs or more are questions and one of them opens by addressing the
/// guest (a word of address, a name and a comma), the paragraph right after each question is the guest's turn, a
/// direct quotation like a labelled transcript's (<see cref="TranscriptTurns"/>). Only that one paragraph: the
/// writer's own paragraphs come between the answers ("Tatsächlich ist die Zahl der Einsätze …").
/// </summary>
internal static class AddressedInterview
{
    const int MinQuestions = 2;
    /// <summary>Words a question paragraph may hold: a longer one is the article's text.</summary>
    const int MaxQuestionWords = 40;

    /// <summary>Sets the guest's turns; leaves a document with labelled turns or without an addressed question alone.</summary>
    public static void Mark(FoundQuotes found)
    {
        var paras = found.Paragraphs;
        string? guest = null;
        int questions = 0;
        // The first paragraph is the headline.
        for (int i = 1; i < paras.Count; i++)
        {
            if (paras[i].TurnHead is not null) return;
            if (!IsQuestion(paras[i].Context)) continue;
            questions++;
            guest ??= AddressedName(paras[i].Context);
        }
        if (guest is null || questions < MinQuestions) return;
        for (int i = 1; i + 1 < paras.Count; i++)
            if (IsQuestion(paras[i].Context) && IsAnswer(paras[i + 1].Context)) (paras[i + 1].TurnHead, paras[i + 1].TurnStart) = (guest, 0);
    }

    /// <summary>A short paragraph of the writer's own (no words in marks) that ends in a question mark.</summary>
    static bool IsQuestion(ParagraphContext p)
    {
        var toks = p.Tokens;
        if (p.Info.Boilerplate || toks.Count == 0 || !toks[^1].Is('?')) return false;
        int words = 0;
        foreach (var t in toks)
        {
            if (t.Kind == TokenKind.Mark) return false;
            if (t.IsWord && ++words > MaxQuestionWords) return false;
        }
        return true;
    }

    /// <summary>Plain text that no question ends: not a caption, a dash or a quotation in marks of its own.</summary>
    static bool IsAnswer(ParagraphContext p)
    {
        var toks = p.Tokens;
        return !p.Info.Boilerplate && toks.Count > 0 && toks[0].IsWord && !toks[^1].Is('?');
    }

    /// <summary>"Frau Albrecht, …", "Mr. Lund, …": the name a question opens by addressing.</summary>
    static string? AddressedName(ParagraphContext p)
    {
        var toks = p.Tokens;
        int k = 0;
        if (toks.Count < 4 || !p.Lexicon.IsHonorific(toks[0].Lower)) return null;
        k++;
        if (toks[k].Is('.')) k++;
        return toks[k].IsCapitalized && toks[k + 1].Is(',') ? toks[k].Text : null;
    }
}
