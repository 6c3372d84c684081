namespace Cql.Engine.Language;

/// <summary>
/// One worker's cache of each word's evidence under a model, which lets identification score a text at one hash
/// lookup a word instead of a table probe a feature (see <see cref="WordScorer"/>): ingest identifies every paragraph,
/// sentence and quotation, and news repeats its words. Not thread-safe: one per worker (in its analysis context).
/// Starts over past <see cref="MaxWords"/> words (it holds a vocabulary, not a corpus), and when used with another model.
/// </summary>
public sealed class LanguageWorkspace
{
    internal const int MaxWords = 50_000;

    LanguageModel? _model;
    readonly Dictionary<string, WordScorer.WordEvidence> _words = new(StringComparer.Ordinal);

    /// <summary>The cached words of <paramref name="model"/> (emptied first when the last use was another model's).</summary>
    internal Dictionary<string, WordScorer.WordEvidence> WordsOf(LanguageModel model)
    {
        if (_model != model)
        {
            _words.Clear();
            _model = model;
        }
        return _words;
    }
}
