namespace Cql.Engine.Quotes;

/// <summary>
/// Where the subject of a speech verb stands (<see cref="Attributor.Resolve"/> for speech, tell and naming cues): the
/// rules below, in this order, until one finds a phrase; with none, the subject was dropped ("ha affermato") and the
/// discourse supplies it. Adding a rule is adding a file and a line here.
/// </summary>
internal static class CueSubjectRules
{
    /// <summary>The cascade, first match wins: inside the cue, then (German) a name after it when what is before it names
    /// nobody, then before it in its clause (a name or office, else a plural group, alone or of an organisation), then a
    /// noun in its gap, then after it, then the sentence's subject.</summary>
    public static readonly ICueSubjectRule[] InOrder =
    [
        new SubjectInGapRule(),
        new GermanInvertedSubjectRule(),
        new SubjectBeforeCueRule(),
        new GroupSubjectRule(),
        new GroupAtOrganisationRule(),
        new NounInGapRule(),
        new SubjectAfterCueRule(),
        new SharedSubjectRule(),
    ];

    public static Phrase? Find(in CueClause c)
    {
        foreach (var rule in InOrder)
            if (rule.Find(c) is { } subject) return subject;
        return null;
    }
}
