namespace Cql.Engine.Quotes;

/// <summary>
/// A pull quote signed after its closing mark with a dash and a name that ends the paragraph: "“… a real disgrace.”
/// ― Azucena Gonzàlez", "«…» – Ola Nordmann". The name is the speaker.
/// </summary>
internal sealed class SignatureRule : IMarkedQuoteRule
{
    public bool TryAttribute(in MarkedQuote q)
    {
        var p = q.Paragraph;
        int k = q.Unit.After;
        if (k >= p.Tokens.Count || !IsSignatureDash(p.Tokens[k])) return false;
        int end = p.Tokens.Count;
        while (end > k + 1 && p.Tokens[end - 1].Kind == TokenKind.Punct) end--;
        if (q.Attributor.Reader.Read(k + 1, end) is not { Kind: PhraseKind.Named, Ref: { IsPerson: true } who } ph || ph.End != end) return false;
        var u = q.Unit;
        u.Speaker = who;
        u.SpeakerText = p.Slice(ph.Start, ph.End);
        u.Settled = true;
        q.Discourse.NoteQuoteSpeaker(who, p.Index, u.TokStart);
        return true;
    }

    /// <summary>A dash, or the horizontal bar (U+2015) some sites sign quotes with.</summary>
    static bool IsSignatureDash(Token t) => t.Kind == TokenKind.Dash || t.Is('\u2015');
}
