namespace Cql.Engine.Quotes;

/// <summary>A participle or a coordinated verb shares the sentence's subject: "vowing", "riferendosi", "und
/// sagte".</summary>
internal sealed class SharedSubjectRule : ICueSubjectRule
{
    public Phrase? Find(in CueClause c)
    {
        var a = c.Attributor;
        var p = a.Paragraph;
        var cue = c.Cue;
        int start = a.ClauseStart(cue.Start, c.ClauseFloor, c.Opaque);
        bool participle = p.Tokens[cue.Start].Lower is var w && (w.EndsWith("ing") || w.EndsWith("ando") || w.EndsWith("endo") || w.EndsWith("ant") || w.EndsWith("end"));
        bool coordinated = start > 0 && p.IsConjunction(start - 1);
        bool clauseHasOnlyCue = start == cue.Start || coordinated;
        if (!(participle || coordinated || (clauseHasOnlyCue && start > c.SentenceStart))) return null;
        return a.FirstSubject(c.SentenceStart, cue.Start, c.Opaque, stopAtSubordinator: true);
    }
}
