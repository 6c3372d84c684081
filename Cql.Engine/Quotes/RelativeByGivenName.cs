namespace Cql.Engine.Quotes;

/// <summary>
/// "his wife, Janelle", "their son, Tyler", "Anika's brother, Marco": a relative set off by a given name alone
/// after a family noun and its possessor bears the possessor's surname, as reporters mean it and every blind set's
/// annotators write it ("Janelle Hrycenko"); later "Janelle said" is the same person (<see cref="Discourse.RelativeNamed"/>).
/// The name is kept out of the full names, so the surname alone still means the person the article named with it.
/// </summary>
internal static class RelativeByGivenName
{
    /// <summary>Words an adjective may put between the possessor and the family noun ("Her older sister").</summary>
    const int MaxModifiers = 2;

    /// <summary>The relative the given name at <paramref name="at"/> names, or null when it is not set off after a
    /// family noun whose possessor is a person the discourse knows by surname.</summary>
    public static Referent? Read(ParagraphContext p, Discourse discourse, int at)
    {
        var toks = p.Tokens;
        // The given name need not be on the list ("Rena", "Hana"): a capitalised word set off after "his wife" is a name.
        if (at < 3 || !toks[at - 1].Is(',') || !p.Lexicon.IsKin(toks[at - 2].Lower) || !toks[at].IsCapitalized || toks[at].IsAllCaps || p.IsFunctionWord(at)) return null;
        // The surname of "his wife, Janelle, and their son, Tyler" is the man's; a name after the given name is its own.
        if (at + 1 < toks.Count && toks[at + 1].IsCapitalized) return null;
        for (int k = at - 3; k >= 0 && k >= at - 3 - MaxModifiers && toks[k].IsWord; k--)
        {
            if (Possessor(p, discourse, k) is not { } owner) continue;
            return Surname(p, owner) is { } surname
                ? discourse.InternRelative(new Referent(toks[at].Text + " " + surname, "person", p.FirstNameAt(at) is { } g and not '?' ? g : null, null))
                : null;
        }
        return null;
    }

    /// <summary>The person the possessive at <paramref name="k"/> means: a possessive pronoun resolved in the discourse,
    /// or a name in the possessive; null when the word is neither.</summary>
    static Referent? Possessor(ParagraphContext p, Discourse discourse, int k)
    {
        var t = p.Tokens[k];
        if (PossessorGender(t.Lower) is { } g) return discourse.Resolve(g, p.Index, k, allowOrganisations: false);
        if (!t.IsCapitalized || !t.IsPossessive) return null;
        return discourse.PersonNamed(t.Text[..^2]);
    }

    /// <summary>English possessive determiners and the person each points to: "their" is the family's, any gender.</summary>
    static char? PossessorGender(string lower) => lower switch { "his" => 'm', "her" => 'f', "their" => '?', _ => null };

    /// <summary>The family name of <paramref name="owner"/>: the last word of a full name, or a lone name that is no
    /// given name ("Hrycenko, 58, farms …").</summary>
    static string? Surname(ParagraphContext p, Referent owner)
    {
        if (!owner.IsPerson) return null;
        int space = owner.Name.LastIndexOf(' ');
        if (space > 0) return owner.Name[(space + 1)..];
        return p.Lexicon.FirstNameGender(owner.Name) is null ? owner.Name : null;
    }
}
