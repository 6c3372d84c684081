namespace Cql.Engine.Quotes;

/// <summary>
/// "Asked whether the president would veto the bill, the spokeswoman did not answer directly.", "Pressed on what was
/// said, she smiled.", "Gefragt, ob …", "Interrogé sur …": a participle of asking (class <c>question-frame</c>) that
/// opens its sentence, perhaps after "when", and goes on with a preposition, a complementizer or a subordinator frames
/// the reporter's question. The question is nobody's statement, and the participle is no cue of its own.
/// </summary>
internal static class QuestionFrame
{
    /// <summary>Whether token <paramref name="k"/> is such a participle in the sentence that starts at
    /// <paramref name="ss"/>.</summary>
    public static bool At(ParagraphContext p, int k, int ss)
    {
        if (k < ss || k + 1 >= p.Tokens.Count || !p.IsQuestionFrame(k)) return false;
        int first = p.FirstWord(ss, k + 1);
        if (first < k && !(first + 1 == k && p.IsSubordinator(first))) return false;
        int next = k + 1;
        // "Gefragt, ob …": German sets the participle off by a comma.
        if (p.Tokens[next].Is(',') && next + 1 < p.Tokens.Count) next++;
        return p.IsPreposition(next) || p.IsComplementizer(next) || p.IsSubordinator(next) || p.IsRelativeObject(next);
    }
}
