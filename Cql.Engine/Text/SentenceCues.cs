using System.Collections.Frozen;

namespace Cql.Engine.Text;

/// <summary>
/// Words that tell the sentence splitter what a full stop or question mark means, in the ingested languages:
/// words that typically open a sentence, speech verbs of attributions ("«Kommer du?» spurte hun",
/// "“Will we win?” Smith asked"), pronouns before them, and the words before a dotted ordinal ("seines 69.
/// Geburtstages", "den 3. mars"). All looked up case-insensitively.
/// </summary>
static class SentenceCues
{
    static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Openers = Set("""
        the a an he she it they we i you his her their our its this that these those there then but and so yet however meanwhile in on at for as after before when while if although because
        han hun hon de det den dette detta der dei vi jeg jag eg du men og och i på en et ett etter efter da når som
        der die das er sie es wir ich ihr man aber und doch in im am auf ein eine dies diese dieser dann nach als wenn
        il lo la i gli le un una uno egli lui lei noi ma e in questo questa nel nella per
        le la les il elle ils elles nous on mais et un une ce cette dans pour
        el la los las él ella ellos pero y un una en este esta por para
        de het een hij zij ze wij we maar en in dit deze
        o a os as ele ela eles mas e um uma em este esta
        """);

    static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SpeechVerbs = Set("""
        said says asked asks added adds told tells replied replies wrote writes explained insisted warned noted stated declared continued shouted
        sa sier spurte spør svarte skriver skrev la sade säger frågade frågar svarade tillade sagde siger spurgte spørger svarede tilføjede
        sagte sagt fragte fragt erklärte betonte schrieb antwortete meinte ergänzte
        disse dice chiese chiede aggiunge aggiunse afferma detto affermato dichiarato chiesto spiegato
        dit demande déclaré ajouté répondu demandé
        dijo dice preguntó afirmó declaró añadió respondió
        zei zegt vroeg antwoordde
        diz perguntou afirmou respondeu
        powiedział powiedziała sanoi kysyi сказал сказала
        """);

    static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Pronouns = Set("""
        he she they han hun hon de er sie lui lei il elle ils él ella hij zij ze ele ela
        """);

    static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> OrdinalPreceders = Set("""
        am im zum vom beim dem den der des die das seines seiner seinem ihres ihrer ihrem seine ihre sein ihr unser unsere zur bis ab seit vor nach zu jeder jedes jedem dieses diesem
        det sin sitt sine sina hans hennes deres dess i til till fra från etter efter før innen per ved vid på om
        """);

    static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Set(string words) =>
        words.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsOpener(ReadOnlySpan<char> word) => Openers.Contains(word);
    public static bool IsSpeechVerb(ReadOnlySpan<char> word) => SpeechVerbs.Contains(word);
    public static bool IsPronoun(ReadOnlySpan<char> word) => Pronouns.Contains(word);
    public static bool IsOrdinalPreceder(ReadOnlySpan<char> word) => OrdinalPreceders.Contains(word);
}
