namespace Cql.Engine.Quotes;

internal enum PhraseKind : byte
{
    /// <summary>A name: a gazetteer entity or a name met in the article, perhaps with a title ("Kanzler Olaf Scholz").</summary>
    Named,
    /// <summary>A subject pronoun.</summary>
    Pronoun,
    /// <summary>An office without a name ("statsministeren", "a spokesperson for the State Department").</summary>
    Role,
    /// <summary>A statement or document ("Kremls uttalande", "la sintesi del Cremlino"): its author speaks.</summary>
    Document,
    /// <summary>A lone capital letter standing for a name ("ha affermato G").</summary>
    Initial,
    /// <summary>A noun phrase that names nobody ("die beiden Führer", "ein Anhänger", "diplomater").</summary>
    Common,
}

/// <summary>A phrase that may name a speaker, over tokens [Start, End) of its paragraph.</summary>
/// <param name="Gender">For pronouns: 'm', 'f', 'p' (plural), 'x' (feminine or plural).</param>
/// <param name="Affiliation">For a role or a document: the organisation it belongs to ("talsperson for USAs
/// utenriksdepartement", "Erklärung des Kreml"), or null.</param>
/// <param name="NameStart">For a name: where the name itself starts after its title, office or affiliation ("UFCW
/// Local 832 president Jeff Traeger"); -1 when the phrase is the name (see <see cref="NameAt"/>).</param>
internal sealed record Phrase(PhraseKind Kind, int Start, int End, Referent? Ref = null, char Gender = '?', RoleWord? Role = null,
    bool Definite = false, Referent? Affiliation = null, int NameStart = -1)
{
    /// <summary>The first token of the name itself.</summary>
    public int NameAt => NameStart >= 0 ? NameStart : Start;
}
