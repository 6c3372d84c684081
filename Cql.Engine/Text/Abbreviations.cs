using Cql.Engine.LanguageData;
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
/// Abbreviations per language, for the sentence splitter, from LanguageData/abbreviations.tsv: each language's list
/// is the shared one ("*": abbreviations that are no word in any ingested language, so they work when language
/// identification fails or is wrong) plus its own, which may be ordinary words elsewhere ("sig." is signor in Italian
/// and a pronoun in Danish). Looked up without the final dot, case-insensitively: "z.B", "f.eks", "Dr".
/// </summary>
static class Abbreviations
{
    static readonly FrozenDictionary<string, FrozenDictionary<string, AbbreviationKind>> ByLanguage = Build();

    static FrozenDictionary<string, FrozenDictionary<string, AbbreviationKind>> Build()
    {
        var rows = LanguageFiles.Rows("abbreviations.tsv");
        var shared = new Dictionary<string, AbbreviationKind>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
            if (row.Lang == LanguageFiles.AnyLanguage) Add(shared, row);
        // A language's rows apply over the shared list, in file order: the last kind given for a word wins.
        var own = new Dictionary<string, Dictionary<string, AbbreviationKind>>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (row.Lang == LanguageFiles.AnyLanguage) continue;
            if (!own.TryGetValue(row.Lang, out var d)) own[row.Lang] = d = new(shared, StringComparer.OrdinalIgnoreCase);
            Add(d, row);
        }
        var result = new Dictionary<string, FrozenDictionary<string, AbbreviationKind>>
        {
            [LanguageFiles.AnyLanguage] = shared.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase),
        };
        foreach (var (lang, d) in own) result[lang] = d.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        return result.ToFrozenDictionary();
    }

    static void Add(Dictionary<string, AbbreviationKind> d, LanguageRow row)
    {
        var kind = row.Kind switch
        {
            "nonfinal" => AbbreviationKind.NonFinal,
            "final" => AbbreviationKind.Final,
            "ambiguous" => AbbreviationKind.Ambiguous,
            "beforenumber" => AbbreviationKind.BeforeNumber,
            _ => throw new FormatException($"abbreviations.tsv: unknown kind '{row.Kind}'"),
        };
        foreach (var w in row.Entries) d[w] = kind;
    }

    /// <summary>The list for a language code ("no", "nb", "de-AT", "und" …): its own plus the shared one.</summary>
    public static FrozenDictionary<string, AbbreviationKind>.AlternateLookup<ReadOnlySpan<char>> For(string lang)
    {
        var code = lang.Length > 2 && lang[2] is '-' or '_' ? lang[..2] : lang;
        code = code switch { "nb" or "nn" => "no", _ => code };
        var d = ByLanguage.TryGetValue(code, out var own) ? own : ByLanguage[LanguageFiles.AnyLanguage];
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
