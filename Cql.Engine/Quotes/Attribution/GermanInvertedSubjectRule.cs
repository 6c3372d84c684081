namespace Cql.Engine.Quotes;

/// <summary>German puts any phrase before the verb: "Anlässlich seines Geburtstages versprach Xi laut dem
/// Außenministerium, …", "Am 9. Mai betonte Putin, …". When a person's name or a pronoun stands right after the cue and
/// what stands before it names nobody (a common noun, an adverbial), the name after the verb is the subject; before,
/// "Anlässlich" was read as the subject, named nobody, and the words went to the source the sentence names.</summary>
internal sealed class GermanInvertedSubjectRule : ICueSubjectRule
{
    public Phrase? Find(in CueClause c)
    {
        var a = c.Attributor;
        if (!a.Paragraph.IsGerman || c.Cue.Kind == CueKind.Tell) return null;
        // The phrase before first, as the rules after this one read it: most German cues have their subject there.
        if (SubjectBeforeCueRule.Before(a, c.Cue, c.ClauseFloor, c.Opaque) is not (null or { Kind: PhraseKind.Common })) return null;
        var after = SubjectAfterCueRule.After(a, c.Cue.End, c.SentenceEnd);
        return after is { Kind: PhraseKind.Named, Ref.IsPerson: true } or { Kind: PhraseKind.Pronoun }
            && !a.Paragraph.IsDetDef(after.Start) && !a.Paragraph.IsDetIndef(after.Start) ? after : null;
    }
}
