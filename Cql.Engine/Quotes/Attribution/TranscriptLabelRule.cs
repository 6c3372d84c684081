namespace Cql.Engine.Quotes;

/// <summary>
/// A transcript quoted turn by turn: the quotation opens with its speaker's name in capitals and a colon ("WALLACE: If
/// I may, sir …", "PENCE: Well, look, …"). The label is the speaker, resolved to the full name the article met
/// ("Mike Pence"), else the name as a person, written as a name ("Wallace").
/// </summary>
internal sealed class TranscriptLabelRule : IMarkedQuoteRule
{
    /// <summary>Words a speaker label may have ("SEN. JOHN SMITH:" has three).</summary>
    const int MaxLabelWords = 3;

    public bool TryAttribute(in MarkedQuote q)
    {
        var p = q.Paragraph;
        var u = q.Unit;
        int k = u.TokStart;
        while (k < u.TokEnd && k - u.TokStart < MaxLabelWords + 1 && (p.Tokens[k].IsWord && p.Tokens[k].IsAllCaps && p.Tokens[k].Text.Length > 1 || p.Tokens[k].Is('.'))) k++;
        if (k == u.TokStart || k >= u.TokEnd - 1 || !p.Tokens[k].Is(':') || p.FactsAt(u.TokStart).IsSectionLabel) return false;
        var label = p.Slice(u.TokStart, k);
        var speaker = q.Discourse.FullNameFor(LastWord(label)) ?? q.Discourse.Intern(new Referent(AsName(label), "person", null, null));
        u.Speaker = speaker;
        u.SpeakerText = label;
        u.Settled = true;
        q.Discourse.NoteQuoteSpeaker(speaker, p.Index, u.TokStart);
        return true;
    }

    static string LastWord(string label) => label[(label.LastIndexOf(' ') + 1)..];

    /// <summary>"WALLACE" → "Wallace", "JOHN SMITH" → "John Smith".</summary>
    static string AsName(string label) =>
        string.Create(label.Length, label, (span, s) =>
        {
            for (int i = 0; i < s.Length; i++) span[i] = i == 0 || !char.IsLetter(s[i - 1]) ? s[i] : char.ToLowerInvariant(s[i]);
        });
}
