using Cql.Engine.Text;

namespace Cql.Engine.Quotes;

/// <summary>
/// Finds the quotations of an analysed document and who said them: detection across typographic conventions,
/// attribution by cue verbs and clause structure in nine languages, coreference of pronouns, offices and surnames
/// to the nearest compatible speaker (see <see cref="DocumentQuotes"/>). Also reports every mention of a known
/// entity and the speakers the gazetteer did not know.
/// </summary>
public sealed class QuoteExtractor(Gazetteer gazetteer)
{
    public Gazetteer Gazetteer { get; } = gazetteer;

    readonly EntityIndex _entities = new(gazetteer.Entities);

    /// <summary>Thread-safe as long as each thread brings its own <paramref name="work"/>: ingest calls it from
    /// several workers at once, each with the workspace of its analysis context (all other state is per document).</summary>
    public QuoteExtraction Extract(AnalyzedDocument doc, QuoteWorkspace work) =>
        new DocumentQuotes(doc, QuoteLexicon.Default, _entities, work).Run();
}
