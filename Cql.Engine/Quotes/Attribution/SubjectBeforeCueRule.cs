namespace Cql.Engine.Quotes;

/// <summary>The subject before the verb in its clause: "Xi sagte", "a partnership they once described as", and past
/// an apposition the clause holds alone, "Tony Dyer, leader of the Green group, said".</summary>
internal sealed class SubjectBeforeCueRule : ICueSubjectRule
{
    public Phrase? Find(in CueClause c) => Before(c.Attributor, c.Cue, c.ClauseFloor, c.Opaque);

    /// <summary>The first phrase in the cue's clause before it that is no preposition's object: the subject.</summary>
    internal static Phrase? Before(Attributor a, CueHit cue, int clauseFloor, Func<int, bool> opaque)
    {
        var p = a.Paragraph;
        int start = a.ClauseStart(cue.Start, clauseFloor, opaque);
        // "Das teilte …", "Lo ha annunciato la sindaca …", "Dat heeft de luchthaven … bekendgemaakt": the demonstrative
        // is what was reported; the subject is after it and its auxiliary, or after the cue.
        if (IndirectSpeech.IsBackReference(p, start))
        {
            int from = start + 1;
            while (from < cue.Start && (p.IsAux(from) || p.IsFinite(from))) from++;
            return from < cue.Start ? a.FirstSubject(from, cue.Start, opaque) : null;
        }
        if (RelativeAntecedent(a, cue, start, clauseFloor) is { } antecedent) return antecedent;
        if (RelativeEndingInMarks(a, cue, start, clauseFloor) is { } beforeRelative) return beforeRelative;
        // A pronoun right before the verb is its subject: "a partnership they once described as", "what he called".
        for (int k = cue.Start - 1; k >= start && k >= cue.Start - 3; k--)
        {
            if (opaque(k)) break;
            if (p.PronounGender(k) is not null && !(k > start && p.IsPreposition(k - 1))) return new Phrase(PhraseKind.Pronoun, k, k + 1, Gender: p.PronounGender(k)!.Value);
            if (!p.IsAdverb(k) && !p.IsAux(k)) break;
        }
        var found = a.FirstSubject(start, cue.Start, opaque);
        // "Tony Dyer, leader of the Green group, said": the clause holds only the apposition; the name is before it.
        // "Attorney Lydia Brannock of the Ohio Justice Collective, who represents the plaintiffs, called": a relative
        // clause stands between the subject and its verb; the name before it may keep its affiliation.
        int clause = start;
        bool pastRelative = false;
        for (int back = 0; back < 2 && found is null or { Kind: PhraseKind.Role } && clause > clauseFloor && p.Tokens[clause - 1].Is(','); back++)
        {
            int prev = a.ClauseStart(clause - 1, clauseFloor, opaque);
            if (!pastRelative && prev - 2 > clauseFloor && p.IsSubordinator(prev - 1) && !p.IsComplementizer(prev - 1) && p.Tokens[prev - 2].Is(','))
            {
                pastRelative = true;
                clause = prev - 1;
                continue;
            }
            if (a.FirstSubject(prev, clause - 1, opaque) is { Kind: PhraseKind.Named } named && named.Ref is { IsPerson: true }
                && (IsWholeClause(p, named, prev, clause - 1) || pastRelative && p.IsPreposition(named.End)))
                return named;
            clause = prev;
        }
        return found;
    }

    /// <summary>"retired postman Gareth Ellison, 66, who said", "statsministeren, som sa", "le ministre, qui a déclaré":
    /// a relative pronoun after a comma is the cue's whole subject; it stands for the phrase before the comma (past an
    /// age in commas).</summary>
    static Phrase? RelativeAntecedent(Attributor a, CueHit cue, int start, int clauseFloor)
    {
        var p = a.Paragraph;
        for (int k = start; k < cue.Start; k++) if (!p.IsAdverb(k) && !p.IsAux(k)) return null;
        int comma = start - 2;
        if (comma <= clauseFloor || !p.IsSubordinator(start - 1) || !p.Tokens[comma].Is(',')) return null;
        if (comma - 2 > clauseFloor && p.Tokens[comma - 1].IsWord && char.IsDigit(p.Tokens[comma - 1].Text[0]) && p.Tokens[comma - 2].Is(','))
            comma -= 2;
        return a.PhraseEndingAt(comma, clauseFloor) is { Kind: PhraseKind.Named or PhraseKind.Role or PhraseKind.Common } ph ? ph : null;
    }

    /// <summary>"The Renters Alliance, which organized a march under the slogan “Homes First,” said": the relative
    /// clause ends at the comma inside the marks, which the clause read back over, so the clause begins at the relative
    /// pronoun's verb; its object ("a march") is no subject, the phrase before the relative is.</summary>
    static Phrase? RelativeEndingInMarks(Attributor a, CueHit cue, int start, int clauseFloor)
    {
        var p = a.Paragraph;
        int comma = start - 2;
        if (cue.Start < 2 || p.Tokens[cue.Start - 1].Kind != TokenKind.Mark || !p.Tokens[cue.Start - 2].Is(',')) return null;
        if (comma <= clauseFloor || !p.IsSubordinator(start - 1) || p.IsComplementizer(start - 1) || !p.Tokens[comma].Is(',')) return null;
        if (!p.IsFinite(start) && !p.LooksFinite(start)) return null;
        return a.PhraseEndingAt(comma, clauseFloor) is { Kind: PhraseKind.Named or PhraseKind.Role or PhraseKind.Common } ph ? ph : null;
    }

    /// <summary>The phrase fills its clause but for a title before it or an age after it ("Janet Hughes, 74,").</summary>
    static bool IsWholeClause(ParagraphContext p, Phrase ph, int from, int to)
    {
        for (int k = ph.End; k < to; k++) if (p.Tokens[k].IsWord && !char.IsDigit(p.Tokens[k].Text[0])) return false;
        return true;
    }
}
