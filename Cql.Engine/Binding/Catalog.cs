using Cql.Engine.Planning;

namespace Cql.Engine.Binding;

/// <summary>A query named by let: its plan, and whether its rows are still whole documents (so doc.FIELD reads
/// its own columns).</summary>
public sealed record LetBinding(string Name, LogicalPlan Plan, bool RowsAreDocs)
{
    /// <summary>The columns that hold periods of bucket(), with their unit (fill and chart read them).</summary>
    public IReadOnlyDictionary<string, PeriodUnit> Periods { get; init; } = new Dictionary<string, PeriodUnit>();
}

/// <summary>
/// What names mean to the binder: the corpus tables, the queries named with let (kept for the session), and the
/// speaker aliases. Built from the corpus manifest by the session.
/// </summary>
public sealed class Catalog(ISpeakerResolver speakers)
{
    readonly Dictionary<string, LetBinding> _lets = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<TableSchema> Tables => CorpusSchema.Tables;
    public ISpeakerResolver Speakers { get; } = speakers;
    public IReadOnlyCollection<LetBinding> Lets => _lets.Values;

    public TableSchema? FindTable(string name) => CorpusSchema.Find(name);
    public LetBinding? FindLet(string name) => _lets.GetValueOrDefault(name);
    public void SetLet(LetBinding let) => _lets[let.Name] = let;

    /// <summary>Every name a source may use: tables, then lets.</summary>
    public IReadOnlyCollection<string> SourceNames => [.. Tables.Select(t => t.Name), .. _lets.Keys];
}
