namespace Cql.Engine.Quotes;

/// <summary>One step of <see cref="CueSubjectRules"/>: a place where a speech verb's subject stands.</summary>
internal interface ICueSubjectRule
{
    /// <summary>The phrase that is the cue's subject by this rule, or null to let the next rule look.</summary>
    Phrase? Find(in CueClause c);
}
