namespace Cql.Engine.Quotes;

/// <summary>"Die Halle bleibe geschlossen, teilte die Stadt am Montag mit.": a cue between its report's comma and the
/// sentence's end puts its subject first in its gap, so a noun or an office after an article there is the subject, named
/// or not ("teilte eine Sprecherin mit").
/// Elsewhere the gap holds the object or the listener ("Jan Wendt, der Sprecher, warf der Stadt vor, …", "wies die
/// Kritik zurück").</summary>
internal sealed class NounInGapRule : ICueSubjectRule
{
    public Phrase? Find(in CueClause c)
    {
        var p = c.Attributor.Paragraph;
        if (c.Cue.GapStart < 0 || c.Cue.Start == 0 || !p.Tokens[c.Cue.Start - 1].Is(',') || !EndsSentence(p, c.Cue.End, c.SentenceEnd)) return null;
        return c.Attributor.Reader.Read(c.Cue.GapStart, c.Cue.GapEnd) is { Kind: PhraseKind.Common or PhraseKind.Role } noun
               && (p.IsDetDef(noun.Start) || p.IsDetIndef(noun.Start)) && !p.IsOblique(noun.Start) && !GermanObjectCase(p, noun.Start)
            ? noun : null;
    }

    static bool EndsSentence(ParagraphContext p, int k, int sentenceEnd) => k >= sentenceEnd || p.IsSentenceEnd(k);

    /// <summary>A German article at <paramref name="k"/> no subject takes: the accusative, dative and genitive endings
    /// -n, -m, -s ("den", "einem", "des", "ihren").</summary>
    static bool GermanObjectCase(ParagraphContext p, int k) => p.IsGerman && p.Tokens[k].Lower[^1] is 'n' or 'm' or 's';
}
