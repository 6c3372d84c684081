namespace Cql.Engine.Quotes;

/// <summary>
/// What an article has said so far about who is who, read in order: every named referent with where it stood
/// (as a sentence's subject, as a speaker), the full names met (so "Kjeldsen" means "Lars Kjeldsen"), and which
/// office each holds (so "statsministeren" means the Jonas Gahr Støre introduced as "Statsminister Jonas Gahr Støre").
/// Pronouns, titles and dropped subjects resolve to the nearest compatible referent, speakers and subjects first.
/// One instance per document.
/// </summary>
internal sealed class Discourse
{
    /// <summary>A referent at a position (paragraph, token); Subject when it opened its sentence or clause as
    /// subject, Speaker when it was a cue's subject; HumanVoice when a person spoke (for an organisation, through a
    /// spokesperson).</summary>
    readonly record struct Entry(Referent Ref, int Para, int Tok, bool Subject, bool Speaker, bool HumanVoice);

    readonly List<Entry> _entries = [];
    readonly List<Referent> _fullNames = [];
    readonly List<Referent> _relatives = [];
    readonly Dictionary<string, Referent> _byName = new(StringComparer.Ordinal);
    readonly List<Referent> _inOrder = [];
    readonly List<(string RoleClass, Referent Ref, int Para)> _roles = [];

    /// <summary>How many paragraphs back a pronoun may look.</summary>
    const int Window = 6;

    /// <summary>The one referent object per canonical name in this document.</summary>
    public Referent Intern(Referent r) => Intern(r, fullName: true);

    /// <summary>Interns a relative named by given name and the family's surname ("Janelle Hrycenko" for "his wife,
    /// Janelle") and notes it as a relative, but not as a full name: "Hrycenko" alone still means the one the article
    /// named so, as the annotators read it.</summary>
    public Referent InternRelative(Referent r)
    {
        var interned = Intern(r, fullName: false);
        AddRelative(interned);
        return interned;
    }

    Referent Intern(Referent r, bool fullName)
    {
        if (_byName.TryGetValue(r.Name, out var had))
        {
            if (had.Gender is null && r.Gender is not null) _byName[r.Name] = had = had with { Gender = r.Gender };
            return had;
        }
        _byName[r.Name] = r;
        _inOrder.Add(r);
        if (fullName && r.Known is null && r.IsPerson && r.Name.Contains(' ')) _fullNames.Add(r);
        return r;
    }

    public void Note(Referent r, int para, int tok, bool subject, bool speaker, bool humanVoice) =>
        _entries.Add(new Entry(r, para, tok, subject, speaker, humanVoice || r.IsPerson));

    /// <summary>Notes <paramref name="r"/> (if any) as the speaker of a quotation that had no cue of its own: a human
    /// voice when a person.</summary>
    public void NoteQuoteSpeaker(Referent? r, int para, int tok)
    {
        if (r is not null) Note(r, para, tok, subject: true, speaker: true, humanVoice: r.IsPerson);
    }

    public void NoteRole(string roleClass, Referent r, int para) => _roles.Add((roleClass, r, para));

    /// <summary>The full name a surname (or its last words) belongs to, preferring one met before.</summary>
    public Referent? FullNameFor(string surname)
    {
        for (int i = _fullNames.Count - 1; i >= 0; i--)
        {
            var n = _fullNames[i].Name;
            if (n.Length > surname.Length && n.EndsWith(surname, StringComparison.OrdinalIgnoreCase) && n[n.Length - surname.Length - 1] == ' ')
                return _fullNames[i];
        }
        return null;
    }

    /// <summary>The one organisation met in the article whose name <paramref name="shortName"/> opens ("Loop Health" and
    /// "Loop" after "Loop Health Technologies"): reporters shorten a company's name after its first mention, and each
    /// short form was a referent of its own, so "the company" went to a news agency named as often. Null when none or
    /// several do.</summary>
    public Referent? OrganisationOpenedBy(string shortName) => OnlyOneOpenedBy(_inOrder, shortName, "organisation");

    /// <summary>Notes a person introduced as a family member ("Her older sister, Crystal Moar"), whom reporters go on
    /// to name by given name alone.</summary>
    public void AddRelative(Referent r)
    {
        if (!_relatives.Contains(r)) _relatives.Add(r);
    }

    /// <summary>The one family member noted whose full name <paramref name="given"/> opens ("Crystal" after "Her older
    /// sister, Crystal Moar"); null when none or several. Only relatives: a given name alone is how a private person is
    /// named again, and other capitalised runs (a company misread as a person) must not take it.</summary>
    public Referent? RelativeNamed(string given) => OnlyOneOpenedBy(_relatives, given, kind: null);

    /// <summary>The one referent of <paramref name="candidates"/> (of <paramref name="kind"/>, when given) whose name
    /// <paramref name="opening"/> opens, followed by a space; null when none or several.</summary>
    static Referent? OnlyOneOpenedBy(List<Referent> candidates, string opening, string? kind)
    {
        Referent? found = null;
        foreach (var r in candidates)
        {
            var n = r.Name;
            if (kind is not null && r.Kind != kind || n.Length <= opening.Length + 1 || n[opening.Length] != ' ' || !n.StartsWith(opening, StringComparison.Ordinal)) continue;
            if (found is not null) return null;
            found = r;
        }
        return found;
    }

    /// <summary>The person a name in the possessive means ("Anika's brother"): the full name it ends or the one full
    /// name it opens; null when none.</summary>
    public Referent? PersonNamed(string name) => FullNameFor(name) ?? OnlyOneOpenedBy(_fullNames, name, "person");

    public void AddFullName(Referent r)
    {
        if (!_fullNames.Contains(r)) _fullNames.Add(r);
    }

    /// <summary>The nearest referent before (para, tok) a pronoun or a dropped subject can mean: persons of a
    /// compatible gender (<paramref name="gender"/> 'm', 'f' or '?'), speakers and subjects before mere mentions.
    /// A person whose gender is unknown (a given name the list lacks) is compatible: recency and salience decide, not
    /// how much we happen to know about each. <paramref name="allowOrganisations"/> admits organisations (a dropped
    /// subject may be a ministry).</summary>
    public Referent? Resolve(char gender, int para, int tok, bool allowOrganisations, Referent? exclude = null)
    {
        foreach (var pass in Passes)
        {
            for (int i = _entries.Count - 1; i >= 0; i--)
            {
                var e = _entries[i];
                if (e.Para < para - Window) break;
                if (e.Para > para || (e.Para == para && e.Tok >= tok)) continue;
                if (e.Ref == exclude || !e.Ref.CanSpeak) continue;
                if (!e.Ref.IsPerson && !(allowOrganisations && e.Speaker)) continue;
                if (pass.Prominent && !(e.Subject || e.Speaker)) continue;
                var g = e.Ref.Gender;
                if (gender == '?' || g == gender || g is null or '?') return e.Ref;
            }
        }
        return null;
    }

    static readonly (bool Prominent, bool _)[] Passes = [(true, false), (false, false)];

    /// <summary>The last one who spoke with a human voice: what "personen", "the person" refer to.</summary>
    public Referent? LastHumanSpeaker(int para, int tok)
    {
        for (int i = _entries.Count - 1; i >= 0; i--)
        {
            var e = _entries[i];
            if (e.Para < para - Window) break;
            if (e.Para > para || (e.Para == para && e.Tok >= tok)) continue;
            if (e.Speaker && e.HumanVoice && e.Ref.CanSpeak) return e.Ref;
        }
        return null;
    }

    /// <summary>The last organisation that spoke in paragraph <paramref name="para"/> or the one before: whom an
    /// unaffiliated spokesperson speaks for.</summary>
    public Referent? LastOrganisationSpeaker(int para, int tok)
    {
        for (int i = _entries.Count - 1; i >= 0; i--)
        {
            var e = _entries[i];
            if (e.Para < para - 1) break;
            if (e.Para > para || (e.Para == para && e.Tok >= tok)) continue;
            if (e.Speaker && e.Ref.Kind is "organisation") return e.Ref;
        }
        return null;
    }

    /// <summary>The organisation named last in paragraph <paramref name="para"/> before token <paramref name="tok"/>,
    /// and its token in <paramref name="at"/> (-1 with none).</summary>
    public Referent? LastOrganisationIn(int para, int tok, out int at)
    {
        for (int i = _entries.Count - 1; i >= 0; i--)
        {
            var e = _entries[i];
            if (e.Para < para) break;
            if (e.Para > para || e.Tok >= tok || e.Ref.Kind != "organisation" || !e.Ref.CanSpeak) continue;
            at = e.Tok;
            return e.Ref;
        }
        at = -1;
        return null;
    }

    /// <summary>The organisation that opened a sentence or spoke last in paragraph <paramref name="para"/> before token
    /// <paramref name="tok"/>, else the one that spoke last in the paragraph before; null when none did. A name of
    /// several words with no given name counts ("Environment Canada", "Ontario Power Generation": no organisation
    /// word told the reader what they are).</summary>
    public Referent? LastOrganisationSubjectIn(int para, int tok)
    {
        for (int i = _entries.Count - 1; i >= 0; i--)
        {
            var e = _entries[i];
            if (e.Para < para - 1) break;
            if (e.Para > para || (e.Para == para && (e.Tok >= tok || !(e.Subject || e.Speaker))) || (e.Para < para && !e.Speaker)) continue;
            if (e.Ref.CanSpeak && (e.Ref.Kind == "organisation" || e.Ref is { IsPerson: true, Known: null, Gender: null } && e.Ref.Name.Contains(' '))) return e.Ref;
        }
        return null;
    }

    /// <summary>The organisation the article is about at (para, tok): the one named most before it, a mention as a
    /// subject counting twice and as a speaker three times, one in this paragraph or the one before a point more; on a
    /// tie the one named first. What "the company", "selskabet", "la empresa" stand for when the noun is not part of a
    /// name: journalists name the company they write about and then call it that, while the organisations met in
    /// passing ("analysts polled by LSEG") are seldom the one meant.</summary>
    public Referent? SalientOrganisation(int para, int tok)
    {
        var scores = new Dictionary<Referent, int>(ReferenceEqualityComparer.Instance);
        var order = new List<Referent>();
        foreach (var e in _entries)
        {
            if (e.Para > para || (e.Para == para && e.Tok >= tok) || e.Ref.Kind != "organisation" || !e.Ref.CanSpeak) continue;
            if (!scores.TryGetValue(e.Ref, out int score)) order.Add(e.Ref);
            scores[e.Ref] = score + (e.Speaker ? 3 : e.Subject ? 2 : 1) + (e.Para >= para - 1 ? 1 : 0);
        }
        Referent? best = null;
        foreach (var r in order)
            if (best is null || scores[r] > scores[best]) best = r;
        return best;
    }

    /// <summary>The organisation a definite common noun stands for: "forbundet" for "Skiskytterforbundet",
    /// "ministeriet" for "Finansministeriet", "rätten" for "Göteborgs tingsrätt", "förbundet" for "Vårdförbundet
    /// Västernorrland" (the head ends a word of the name), "la agencia"
    /// for "Agencia Estatal de Meteorología" (the head opens it; a head of six letters or more may open a German
    /// compound: "die Polizei" for "Polizeipräsidium Nordhessen"); words under four letters tell nothing.</summary>
    public Referent? OrganisationNamedBy(IEnumerable<string> stems)
    {
        for (int i = _inOrder.Count - 1; i >= 0; i--)
        {
            var r = _inOrder[i];
            if (r.IsPerson || !r.CanSpeak) continue;
            var name = r.Name.ToLowerInvariant();
            foreach (var s in stems)
                if (s.Length >= 4 && name.Length > s.Length
                    && (EndsWord(name, s) || name.StartsWith(s, StringComparison.Ordinal) && (name[s.Length] == ' ' || s.Length >= 6))) return r;
        }
        return null;
    }

    /// <summary>Some word of <paramref name="name"/> ends with <paramref name="stem"/>: "förbundet" in "Vårdförbundet
    /// Västernorrland", "provincie" in "provincie Noord-Brabant" (a word that opens it: see the caller).</summary>
    static bool EndsWord(string name, string stem)
    {
        for (int at = name.IndexOf(stem, StringComparison.Ordinal); at >= 0; at = name.IndexOf(stem, at + 1, StringComparison.Ordinal))
            if (at + stem.Length == name.Length || name[at + stem.Length] == ' ') return true;
        return false;
    }

    /// <summary>Whom a definite description with no holder of its office refers to ("Il leader della classifica" after
    /// "il belga Arne Vermeulen"): the nearest person of a compatible gender in this paragraph or the one before, unless
    /// that person holds another office (then the description is someone new). A person is one whose given name is
    /// known. With no <paramref name="roleClass"/> (a description no office list knows: "la funcionaria", "the
    /// 24-year-old") any office is compatible.</summary>
    public Referent? Described(char gender, string? roleClass, int para, int tok)
    {
        for (int i = _entries.Count - 1; i >= 0; i--)
        {
            var e = _entries[i];
            if (e.Para < para - 1) break;
            // Only a name the given-name list knows is sure to be a person's ("Fyens Stiftstidende" may be a newspaper).
            if (e.Para > para || (e.Para == para && e.Tok >= tok) || !e.Ref.IsPerson || e.Ref.Gender is null) continue;
            if (gender != '?' && e.Ref.Gender is { } g && g != '?' && g != gender) continue;
            if (roleClass is not null)
                foreach (var (cls, holder, _) in _roles)
                    if (holder == e.Ref && cls != roleClass) return null;
            return e.Ref;
        }
        return null;
    }

    /// <summary>The holder of an office met before ("statsministeren" → the Statsminister named earlier).</summary>
    public Referent? HolderOf(string roleClass, int para)
    {
        for (int i = _roles.Count - 1; i >= 0; i--)
            if (_roles[i].RoleClass == roleClass && _roles[i].Para <= para) return _roles[i].Ref;
        return null;
    }
}
