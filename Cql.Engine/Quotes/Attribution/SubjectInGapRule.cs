namespace Cql.Engine.Quotes;

/// <summary>A cue with a gap holds its subject inside: "la han til", "skal Xi ha sagt" — a name, a pronoun or an
/// initial there.</summary>
internal sealed class SubjectInGapRule : ICueSubjectRule
{
    public Phrase? Find(in CueClause c) =>
        c.Cue.GapStart >= 0 && c.Attributor.Reader.Read(c.Cue.GapStart, c.Cue.GapEnd) is { Kind: PhraseKind.Named or PhraseKind.Pronoun or PhraseKind.Initial } gap
            ? gap : null;
}
