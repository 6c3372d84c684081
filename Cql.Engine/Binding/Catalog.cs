using Cql.Engine.Planning;
using Cql.Engine.Storage.Tables;

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
public sealed class Catalog(ISpeakerResolver speakers, UserTables? userTables = null)
{
    readonly Dictionary<string, LetBinding> _lets = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The user's own tables (read "PATH"), their schemas kept while their files do not change.</summary>
    public UserTables UserTables { get; } = userTables ?? new UserTables();

    /// <summary>What a relative path of read "PATH" is relative to: null for the current folder (-c, the REPL, C#);
    /// cql run FILE.cql sets FILE's folder.</summary>
    public string? PathBase { get; set; }

    /// <summary>A scratch copy for checking statements without changing this one: the same tables, lets and paths.</summary>
    public Catalog Scratch()
    {
        var copy = new Catalog(Speakers, UserTables) { PathBase = PathBase };
        foreach (var let in Lets) copy.SetLet(let);
        return copy;
    }

    public IReadOnlyList<TableSchema> Tables => CorpusSchema.Tables;
    public ISpeakerResolver Speakers { get; } = speakers;
    public IReadOnlyCollection<LetBinding> Lets => _lets.Values;

    public TableSchema? FindTable(string name) => CorpusSchema.Find(name);
    public LetBinding? FindLet(string name) => _lets.GetValueOrDefault(name);
    public void SetLet(LetBinding let) => _lets[let.Name] = let;

    /// <summary>Every name a source may use: tables, then lets.</summary>
    public IReadOnlyCollection<string> SourceNames => [.. Tables.Select(t => t.Name), .. _lets.Keys];
}
