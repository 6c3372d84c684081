using System.Collections.Frozen;

namespace Cql.Engine.Text;

/// <summary>How a word written with a full stop behaves at a possible sentence end.</summary>
enum AbbreviationKind : byte
{
    /// <summary>Not an abbreviation: the full stop may end the sentence.</summary>
    None,
    /// <summary>Never ends a sentence: titles and abbreviations that need a continuation (Dr., z. B., f.eks., ca.).</summary>
    NonFinal,
    /// <summary>Often ends a sentence: list enders (etc., osv., usw., ecc.). Ends it when a new sentence starts.</summary>
    Final,
    /// <summary>May end a sentence: initialisms, company and state names (U.S., Inc., Calif., Mio.). Ends it only when a
    /// typical sentence opener (a pronoun, an article) follows.</summary>
    Ambiguous,
    /// <summary>An abbreviation only before a number (No. 5, Art. 3, Jan. 3, s. 12); a word otherwise.</summary>
    BeforeNumber,
}

/// <summary>
/// Abbreviations per language, for the sentence splitter. A shared list holds those that are no word in any
/// ingested language (so they work when language identification fails or is wrong); each language adds its own,
/// which may be ordinary words elsewhere ("sig." is signor in Italian and a pronoun in Danish, "sen." a senator in
/// English and "late" in Norwegian). Looked up without the final dot, case-insensitively: "z.B", "f.eks", "Dr".
/// </summary>
static class Abbreviations
{
    // Each language: never-final, final, ambiguous, before-number — space-separated, without final dots.
    // Each list: never-final, final, ambiguous, before-number — space-separated, without final dots. The shared
    // list ("*") takes every abbreviation that is no word in another ingested language; a language's own list
    // holds only those that are ("dir" is German for "you", "maj" Swedish for May, "hon" Swedish for she).
    static readonly (string Lang, string NonFinal, string Final, string Ambiguous, string BeforeNumber)[] Lists =
    [
        ("*",
            "Dr Mr Mrs Ms Mme Mlle Prof St Sr Sra Srta Dra Dña Hr Hrn Fr Dott Sigg Avv Ing Magg Dhr Mevr Mw Drs Mgr Inż Lt Sgt Capt Cmdr Adm Rev Mt Messrs Gov Gral Excmo Ste Avda"
            + " ca bzw evtl ggf vgl z.B d.h u.a e.g i.e p.ex p.es p.ej cf vs approx aprox inkl incl exkl ekskl zzgl dvs bl.a f.eks t.ex kl nr tel tlf tfn sog geb bzgl mht pga ifm iht ift jf jfr evt hhv sml fhv adm ordf statsr eks"
            + " s.k fr.o.m t.o.m p.g.a f.d resp enl Dipl o.g s.o s.u u.U z.T z.Zt i.d.R m.E gest verh lt dt ehem allg einschl dept"
            + " c.a J.-C c.-à-d env éd d.w.z bijv bv o.a m.a.w jl j.l a.s V.Exa m.in np tzn esim ns klo ks vrt inż godz ds ul"
            + " т.е т.к им ул св см напр",
            "etc ecc osv usw enz itd itp jne yms ym tms m.m m.fl o.l o.ä u.ä o.d т.д т.п др",
            "Jr Inc Ltd Corp Co Bros Mio Mrd mrd mln mld milj mdr mia Tsd Std Chr tys zł г гг тыс млн млрд руб",
            "No Nos Nr ok pp Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Okt Nov Dec Dez Des Abs Art Bd Jh Jhd Kap kap blz pág núm fig vol chap pag sez"),
        ("no", "ev dir pr fr ang div fl bl stud", "mm", "kr st mill", "s"),
        ("da", "ev fr fl bl stud", "mm", "kr mill", "s"),
        ("sv", "ev ang fr fl bl ex stud", "", "kr st mill", "s"),
        ("de", "Str", "", "", "S"),
        ("en", "Sen Rep Gen Col Maj Hon est", "", "Sr a.m p.m Ave Blvd Rd Ala Ariz Ark Calif Colo Conn Fla Ga Ill Ind Kan Ky La Md Mass Mich Minn Miss Mo Mont Neb Nev Okla Ore Pa Tenn Tex Vt Va Wash Wis Wyo", "ch p"),
        ("it", "sig on sen gen es ca", "", "", "n nn cap art"),
        ("fr", "MM Mmes Mlles Pr Me av apr", "", "hab", "art p"),
        ("es", "D Ud Uds Vd Vds Av Sto Sta", "", "", "art"),
        ("nl", "ir mr", "", "", ""),
        ("pt", "av", "", "", "art"),
        ("pl", "ok al", "", "r", "s"),
        ("fi", "mm n", "", "", "s"),
        ("ru", "", "", "", "с"),
    ];

    static readonly FrozenDictionary<string, FrozenDictionary<string, AbbreviationKind>> ByLanguage = Build();

    static FrozenDictionary<string, FrozenDictionary<string, AbbreviationKind>> Build()
    {
        var shared = new Dictionary<string, AbbreviationKind>(StringComparer.OrdinalIgnoreCase);
        Add(shared, Lists[0]);
        var result = new Dictionary<string, FrozenDictionary<string, AbbreviationKind>>
        {
            ["*"] = shared.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase),
        };
        foreach (var list in Lists.AsSpan(1))
        {
            var d = new Dictionary<string, AbbreviationKind>(shared, StringComparer.OrdinalIgnoreCase);
            Add(d, list);
            result[list.Lang] = d.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        }
        return result.ToFrozenDictionary();
    }

    static void Add(Dictionary<string, AbbreviationKind> d, (string Lang, string NonFinal, string Final, string Ambiguous, string BeforeNumber) list)
    {
        foreach (var w in list.NonFinal.Split(' ', StringSplitOptions.RemoveEmptyEntries)) d[w] = AbbreviationKind.NonFinal;
        foreach (var w in list.Final.Split(' ', StringSplitOptions.RemoveEmptyEntries)) d[w] = AbbreviationKind.Final;
        foreach (var w in list.Ambiguous.Split(' ', StringSplitOptions.RemoveEmptyEntries)) d[w] = AbbreviationKind.Ambiguous;
        foreach (var w in list.BeforeNumber.Split(' ', StringSplitOptions.RemoveEmptyEntries)) d[w] = AbbreviationKind.BeforeNumber;
    }

    /// <summary>The list for a language code ("no", "nb", "de-AT", "und" …): its own plus the shared one.</summary>
    public static FrozenDictionary<string, AbbreviationKind>.AlternateLookup<ReadOnlySpan<char>> For(string lang)
    {
        var code = lang.Length > 2 && lang[2] is '-' or '_' ? lang[..2] : lang;
        code = code switch { "nb" or "nn" => "no", _ => code };
        var d = ByLanguage.TryGetValue(code, out var own) ? own : ByLanguage["*"];
        return d.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>How <paramref name="word"/> (the characters before a full stop, inner dots included) behaves.</summary>
    public static AbbreviationKind Lookup(FrozenDictionary<string, AbbreviationKind>.AlternateLookup<ReadOnlySpan<char>> list, ReadOnlySpan<char> word)
    {
        if (list.TryGetValue(word, out var kind)) return kind;
        if (word.Length == 1) return char.IsLower(word[0]) ? AbbreviationKind.NonFinal : AbbreviationKind.None;
        if (word.Contains('.') && ShortParts(word, out bool allUpper))
            return allUpper ? AbbreviationKind.Ambiguous : AbbreviationKind.NonFinal;
        return AbbreviationKind.None;
    }

    /// <summary>True for U.S, EE.UU, p.ex: dot-separated parts of one to three letters.</summary>
    static bool ShortParts(ReadOnlySpan<char> word, out bool allUpper)
    {
        allUpper = true;
        int run = 0;
        foreach (var c in word)
        {
            if (c == '.') { if (run == 0) return false; run = 0; continue; }
            if (!char.IsLetter(c) || ++run > 3) return false;
            if (!char.IsUpper(c)) allUpper = false;
        }
        return run > 0;
    }
}
