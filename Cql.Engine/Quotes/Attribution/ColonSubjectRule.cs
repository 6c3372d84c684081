namespace Cql.Engine.Quotes;

/// <summary>A quotation after a colon with no cue before it is spoken by the first phrase of the clause that names
/// someone (a name, a document's author, a pronoun, a spokesperson's organisation): "Over haar kansen wilde Hoekstra
/// zich niet uitlaten: “…”"; naming nobody, it still stands as a sentence of its own (full).</summary>
internal sealed class ColonSubjectRule : IMarkedQuoteRule
{
    public bool TryAttribute(in MarkedQuote q)
    {
        int colon = q.ColonBefore;
        if (colon < 0) return false;
        var p = q.Paragraph;
        var u = q.Unit;
        var opaque = q.Opaque;
        var discourse = q.Discourse;
        var reader = new PhraseReader(p, discourse, (j, _) => QuoteAttribution.IsSentenceStart(p, j, opaque));
        for (int k = q.SentenceStart; k < colon; k++)
        {
            if (opaque(k) || !p.Tokens[k].IsWord || p.IsPreposition(k)) continue;
            if (reader.Read(k, colon) is { } ph)
            {
                var r = ph.Kind switch
                {
                    PhraseKind.Named => ph.Ref,
                    PhraseKind.Document => ph.Affiliation,
                    PhraseKind.Pronoun when !q.SelfContained => discourse.Resolve(ph.Gender is 'f' or 'm' ? ph.Gender : '?', p.Index, k, false),
                    PhraseKind.Role when ph.Affiliation is { } aff && ph.Role!.Class == "spokesperson" => aff,
                    _ => null,
                };
                if (r is { CanSpeak: true })
                {
                    u.Speaker = r;
                    u.SpeakerText = p.Slice(ph.Start, ph.End);
                    u.Settled = true;
                    discourse.NoteQuoteSpeaker(u.Speaker, p.Index, k);
                }
                break;
            }
        }
        if (u.Speaker is null) u.Kind = "full";
        return true;
    }
}
