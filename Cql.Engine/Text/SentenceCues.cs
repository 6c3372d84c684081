using Cql.Engine.LanguageData;
using System.Collections.Frozen;

namespace Cql.Engine.Text;

/// <summary>
/// Words that tell the sentence splitter what a full stop or question mark means, from LanguageData/sentence-cues.tsv:
/// words that typically open a sentence, speech verbs of attributions ("«Kommer du?» spurte hun", "“Will we win?”
/// Smith asked"), pronouns before them, and the words before a dotted ordinal ("seines 69. Geburtstages", "den 3.
/// mars"). Each kind in all languages at once, looked up case-insensitively.
/// </summary>
static class SentenceCues
{
    const string File = "sentence-cues.tsv";

    static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Openers = Set("opener");
    static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SpeechVerbs = Set("speechverb");
    static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Pronouns = Set("pronoun");
    static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> OrdinalPreceders = Set("ordinal-preceder");

    static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Set(string kind) =>
        LanguageFiles.Entries(File, kind).ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsOpener(ReadOnlySpan<char> word) => Openers.Contains(word);
    public static bool IsSpeechVerb(ReadOnlySpan<char> word) => SpeechVerbs.Contains(word);
    public static bool IsPronoun(ReadOnlySpan<char> word) => Pronouns.Contains(word);
    public static bool IsOrdinalPreceder(ReadOnlySpan<char> word) => OrdinalPreceders.Contains(word);
}
