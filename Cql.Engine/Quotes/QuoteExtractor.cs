using Cql.Engine.Text;
using Cql.Engine.Ingest;

namespace Cql.Engine.Quotes;

/// <summary>
/// Finds the quotations of an analysed document and who said them: detection across typographic conventions,
/// attribution by cue verbs and clause structure in nine languages, coreference of pronouns, offices and surnames
/// to the nearest compatible speaker (see <see cref="DocumentQuotes"/>). Also reports every mention of a known
/// entity and the speakers the gazetteer did not know.
/// </summary>
public sealed class QuoteExtractor(Gazetteer gazetteer, Func<ReadOnlyMemory<char>, string, string> identifyLanguage)
{
    public Gazetteer Gazetteer { get; } = gazetteer;

    readonly EntityIndex _entities = new(gazetteer.Entities);

    /// <summary>Thread-safe: ingest calls it from several workers at once (all per-document state is local).</summary>
    public QuoteExtraction Extract(AnalyzedDocument doc) =>
        new DocumentQuotes(doc, QuoteLexicon.Default, _entities, identifyLanguage).Run();
}
