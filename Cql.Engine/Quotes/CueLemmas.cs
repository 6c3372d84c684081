using System.Collections.Frozen;
using Cql.Engine.LanguageData;

namespace Cql.Engine.Quotes;

/// <summary>
/// The base form of a cue (quotes.cue_lemma), from LanguageData/cue-lemmas.tsv: "Ha detto" and "ha detto" → "dire",
/// "sagte" → "sagen", "teilte mit" → "mitteilen", so that counting by it does not split one verb into its forms. The
/// cue is looked up whole (lower case), then without its auxiliaries (its last word, "ha affermato" → "affermato"),
/// then by its first word and last word joined by the gap mark ("teilte am Montag mit" → "teilte … mit"); a cue the
/// table does not know keeps its own words, lower-cased.
/// </summary>
public static class CueLemmas
{
    const string File = "cue-lemmas.tsv";

    /// <summary>Per language, form → lemma.</summary>
    static readonly Lazy<FrozenDictionary<string, FrozenDictionary<string, string>>> Table = new(Load);

    public static string? Of(string? cue, string lang)
    {
        if (string.IsNullOrWhiteSpace(cue)) return null;
        var lower = cue.Trim().ToLowerInvariant();
        if (!Table.Value.TryGetValue(lang, out var forms)) return lower;
        if (forms.TryGetValue(lower, out var lemma)) return lemma;
        int lastSpace = lower.LastIndexOf(' ');
        if (lastSpace < 0) return lower;
        if (forms.TryGetValue(lower[(lastSpace + 1)..], out lemma)) return lemma;
        var gapped = lower[..lower.IndexOf(' ')] + " … " + lower[(lastSpace + 1)..];
        return forms.TryGetValue(gapped, out lemma) ? lemma : lower;
    }

    static FrozenDictionary<string, FrozenDictionary<string, string>> Load()
    {
        var byLang = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var row in LanguageFiles.Rows(File))
        {
            if (!byLang.TryGetValue(row.Lang, out var forms)) byLang[row.Lang] = forms = new(StringComparer.Ordinal);
            foreach (var form in row.Entries) forms.TryAdd(form, row.Kind);
        }
        return byLang.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.ToFrozenDictionary(StringComparer.Ordinal), StringComparer.Ordinal);
    }
}
