using Cql.Engine.LanguageData;
using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Cql.Engine.Text;

/// <summary>
/// Who wrote the article: a byline ("Av Ola Nordmann", "Von Max Mustermann, dpa", "By Jane Doe and John Roe",
/// "Di Mario Rossi", "Par …", "Por …", "Tekst: …"), an agency tag ("(NTB)", "Reuters") or a contributor note
/// ("CNN's Betsy Klein contributed to this report", "Denne artikkelen ble medforfatter av CNNs Betsy Klein og Fred
/// He."). A byline names people: "Di Maio ha detto …" or "By Monday, the talks …" are sentences, not bylines.
/// </summary>
static partial class BylineRule
{
    // The phrases are per-language data; the pattern around them is this rule.
    const string Patterns = "boilerplate-patterns.tsv";

    const int MaxBylineChars = 120;
    const int MaxNoteChars = 300;

    public static bool IsByline(string text, TextRange p)
    {
        if (p.Length > MaxBylineChars) return false;
        var s = text.AsSpan(p.Start, p.Length);
        if (AgencyTag().IsMatch(s)) return true;
        var m = Lead.Match(text, p.Start, p.Length);
        return m.Success && AreNames(text, m.Index + m.Length, p.End);
    }

    /// <summary>True when the text starts with a byline's lead or label ("By ", "Von ", "Tekst: ").</summary>
    public static bool StartsWithLead(string text) => Lead.IsMatch(text);

    /// <summary>A note on who wrote or contributed, usually at the foot of the article.</summary>
    public static bool IsContributorNote(string text, TextRange p) =>
        p.Length <= MaxNoteChars && Notes.Find(text, p.Start, p.Start, p.End) >= 0;

    /// <summary>True when [start, end) lists names: capitalised words joined by "og", "and", commas …, perhaps
    /// followed by a date or an email; not a sentence in lower case.</summary>
    static bool AreNames(string text, int start, int end)
    {
        const string Separators = ",;|/·•–—-.()";
        int capitalised = 0, i = start;
        while (i < end)
        {
            i = TextChars.SkipSpaces(text, i, end);
            if (i >= end) break;
            int w = i;
            while (w < end && !TextChars.IsSpace(text[w])) w++;
            int ws = i;
            while (ws < w && Separators.Contains(text[ws])) ws++;
            var word = text.AsSpan(ws, w - ws).TrimEnd(Separators);
            i = w;
            if (word.IsEmpty) continue;
            // A date or an address after the names ends them: "Av Ola Nordmann | 9. januar 2025". Other numbers are
            // prose: "Av Kinas 1,4 milliarder innbyggere …".
            if (word.Contains('@')) break;
            if (char.IsDigit(word[0])) return capitalised > 0 && DateParser.TryParse(text, ws, end, allowYearOnly: false, out _, out _);
            if (char.IsUpper(word[0])) { capitalised++; continue; }
            if (IsConnector(word) || AgencyTag().IsMatch(word)) continue;
            return false;
        }
        return capitalised > 0;
    }

    static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Joiners = LanguageFiles.Entries("boilerplate-words.tsv", "byline-joiner")
        .ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    static bool IsConnector(ReadOnlySpan<char> w) => Joiners.Contains(w);

    /// <summary>The names of a byline ("By Jane Doe and John Roe", "Von Max Mustermann, dpa", "Tekst: Ola Nordmann"):
    /// the lead or label dropped, split at commas, semicolons, ampersands and the languages' joiners ("and", "og",
    /// "und" …), keeping the words that start with a capital up to a date, a digit or an e-mail address.</summary>
    public static List<string> Names(string byline)
    {
        var names = new List<string>();
        var lead = Lead.Match(byline);
        // "Posted on April 13 by Ellen Marsh", "View all posts by …": the names follow the first lead in the text.
        for (int i = 1; !lead.Success && i < byline.Length; i++)
            if (byline[i - 1] == ' ') lead = Lead.Match(byline, i);
        int from = lead.Success ? lead.Index + lead.Length : 0;
        var current = new System.Text.StringBuilder();
        void Flush()
        {
            if (current.Length > 0) names.Add(current.ToString());
            current.Clear();
        }
        var words = byline[from..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (int k = 0; k < words.Length; k++)
        {
            var word = words[k].AsSpan().Trim("|·•–—()");
            // "María García | Madrid | 19 may 2024": a separator after the names ends them (a place, a date follow).
            if (word.IsEmpty && (current.Length > 0 || names.Count > 0)) break;
            if (word.IsEmpty) continue;
            // A date, an address or a label ("Læsetid:", "Foto:") ends the names.
            if (word.Contains('@') || char.IsDigit(word[0]) || word[^1] == ':') break;
            bool endsName = word[^1] is ',' or ';' or '/';
            word = word.TrimEnd(",;/");
            // "Saskia de Boer", "Ursula von der Leyen": a particle inside a name, though "de" and "van" join names elsewhere.
            bool inName = current.Length > 0 && !endsName && IsNameParticle(word) && k + 1 < words.Length && NameContinues(words, k + 1);
            if (!inName && (word.IsEmpty || word is "&" || IsConnector(word))) { Flush(); continue; }
            if (!char.IsUpper(word[0]) && !IsNameParticle(word)) break;
            if (current.Length > 0) current.Append(' ');
            current.Append(word);
            if (endsName) Flush();
        }
        Flush();
        return names;
    }

    /// <summary>After particles ("von der"), the next word is capitalised.</summary>
    static bool NameContinues(string[] words, int k)
    {
        while (k < words.Length && IsNameParticle(words[k])) k++;
        return k < words.Length && words[k].Length > 0 && char.IsUpper(words[k][0]);
    }

    // Lower-case words inside names: "Ursula von der Leyen", "Vincent van Gogh", "Luiz Inácio da Silva".
    static bool IsNameParticle(ReadOnlySpan<char> w) => w is "von" or "van" or "der" or "den" or "de" or "da" or "di" or "del" or "la" or "le" or "dos" or "das" or "bin" or "al";

    static readonly Regex Lead = new($$"""
        \G(?:(?:{{LanguageFiles.Alternation(Patterns, "byline-lead")}})\s+(?=\p{Lu})|(?:{{LanguageFiles.Alternation(Patterns, "byline-label")}})\s*:\s*)
        """, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace | RegexOptions.Compiled);

    [GeneratedRegex("""
        ^[(\[–—-]?\s*©?\s*(?i:NTB|TT|Ritzau|dpa|AFP|AP|Reuters|ANSA|EFE|Lusa|ANP|Belga|APA|PAP|STT|TASS|Xinhua|SDA|Keystone-SDA)
         (?:\s*[/,&]\s*(?i:NTB|TT|Ritzau|dpa|AFP|AP|Reuters|ANSA|EFE|Lusa|ANP|Belga|APA|PAP|STT|TASS|Xinhua|SDA|Keystone-SDA))*\s*[)\]]?\.?$
        """, RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace)]
    private static partial Regex AgencyTag();

    static readonly Regex ContributorNote = new($$"""
        \G(?:{{LanguageFiles.Alternation(Patterns, "contributor-note")}})
        """, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.IgnorePatternWhitespace | RegexOptions.Compiled);

    // The first words of the ContributorNote phrases; after the pattern, which it needs initialised.
    static readonly WordStartSearch Notes = new(ContributorNote, string.Join(' ', LanguageFiles.Entries("boilerplate-words.tsv", "contributor-note-start")));
}
