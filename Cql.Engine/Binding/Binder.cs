using Cql.Engine.Diagnostics;
using Cql.Engine.Planning;
using Cql.Engine.Syntax;

namespace Cql.Engine.Binding;

/// <summary>
/// Resolves a statement's names, types and aliases against the <see cref="Catalog"/> and builds its logical plan,
/// stage by stage (<see cref="PlanStages"/>). Returns diagnostics, never throws at the caller. Split by concern:
/// statements and sources here, stages in Binder.Stages.cs, expressions in Binder.Expressions.cs.
/// </summary>
public sealed partial class Binder
{
    readonly Catalog _catalog;
    readonly string _script;
    readonly List<Diagnostic> _notes = [];

    Binder(Catalog catalog, string script)
    {
        _catalog = catalog;
        _script = script;
    }

    /// <summary>Binds one parsed statement of <paramref name="script"/>.</summary>
    public static BindResult Bind(Statement statement, Catalog catalog, string script)
    {
        var binder = new Binder(catalog, script);
        try
        {
            return new BindResult(binder.BindStatement(statement), []);
        }
        catch (BindError e)
        {
            return new BindResult(null, [e.Diagnostic]);
        }
    }

    BoundStatement BindStatement(Statement statement) => statement switch
    {
        QueryStatement q => BindQueryStatement(q.Query),
        LetStatement l => BindLet(l),
        ExplainStatement e => BindExplain(e.Query),
        ShowTablesStatement => new BoundShowTables(),
        DescribeStatement d => BindDescribe(d.Target),
        _ => throw new NotSupportedException(statement.GetType().Name),
    };

    BoundStatement BindQueryStatement(Query query)
    {
        var q = BindQuery(query);
        return new BoundQuery(q.Plan, q.Export, _notes, q.Chart);
    }

    BoundStatement BindExplain(Query query)
    {
        var q = BindQuery(query);
        return new BoundExplain(q.Plan, q.Export, _notes, q.Chart);
    }

    BoundStatement BindLet(LetStatement let)
    {
        if (_catalog.FindTable(let.Name.Text) is not null) throw new BindError(DiagnosticFacts.LetShadowsTable(let.Name.Span, let.Name.Text));
        if (SyntaxFacts.IsReserved(let.Name.Text) || SyntaxFacts.StartsStatement(let.Name.Text))
            throw new BindError(DiagnosticFacts.ReservedLetName(let.Name.Span, let.Name.Text));
        var q = BindQuery(let.Query);
        if (q.Export is not null) throw new BindError(DiagnosticFacts.ExportNotLast(let.Query.Stages[^1].Span));
        if (q.Chart is not null) throw new BindError(DiagnosticFacts.ChartNotLast(let.Query.Stages[^1].Span));
        return new BoundLet(new LetBinding(let.Name.Text, q.Plan, q.RowsAreDocs) { Periods = q.Periods }, _notes);
    }

    BoundStatement BindDescribe(Source source)
    {
        if (source is ReadSource file)
        {
            var own = OpenUserTable(file.Path);
            return new BoundDescribe(file.Path.Value, own.Columns);
        }
        if (source is not NamedSource { Name: var target }) throw new NotSupportedException(source.GetType().Name);
        if (_catalog.FindTable(target.Text) is { } table) return new BoundDescribe(table.Name, table.Columns);
        if (_catalog.FindLet(target.Text) is { } let)
            return new BoundDescribe(let.Name, [.. let.Plan.Schema.Select(c => new ColumnSchema(c.Name, c.Type, true, ""))]);
        throw new BindError(DiagnosticFacts.UnknownTable(target.Span, target.Text, _catalog.SourceNames));
    }

    /// <summary>The rows flowing through a query while its stages are bound.</summary>
    sealed class QueryState(LogicalPlan plan, bool rowsAreDocs, string description)
    {
        public LogicalPlan Plan = plan;
        /// <summary>Each row is one whole document, so doc.FIELD is the row's own FIELD.</summary>
        public bool RowsAreDocs = rowsAreDocs;
        /// <summary>What the rows are, for messages: "quotes", "the result of count by".</summary>
        public string Description = description;
        public BoundExport? Export;
        /// <summary>Columns of canonical entity names: a value compared with one is resolved through the aliases.</summary>
        public IReadOnlySet<string> EntityNameColumns = SpeakerColumn;
        /// <summary>The columns that hold periods of bucket(), with their unit: what fill and chart need to know.</summary>
        public Dictionary<string, PeriodUnit> Periods = new(StringComparer.OrdinalIgnoreCase);
        public ChartSpec? Chart;
    }

    static readonly HashSet<string> SpeakerColumn = new(StringComparer.Ordinal) { WellKnownColumns.Speaker };

    QueryState BindQuery(Query query)
    {
        var state = BindSource(query.Source);
        foreach (var stage in query.Stages)
        {
            if (state.Export is not null) throw new BindError(DiagnosticFacts.ExportNotLast(stage.Span));
            if (state.Chart is not null && stage is not ExportStage) throw new BindError(DiagnosticFacts.ChartNotLast(stage.Span));
            BindStage(stage, state);
        }
        return state;
    }

    QueryState BindSource(Source source)
    {
        switch (source)
        {
            case NamedSource { Name: var name }:
                if (_catalog.FindTable(name.Text) is { } table)
                    return new QueryState(Scan.All(table), table.Name == CorpusSchema.Docs.Name, table.Name);
                if (_catalog.FindLet(name.Text) is { } let)
                    return new QueryState(let.Plan, let.RowsAreDocs, let.Name)
                    {
                        Periods = new Dictionary<string, PeriodUnit>(let.Periods, StringComparer.OrdinalIgnoreCase),
                    };
                throw new BindError(DiagnosticFacts.UnknownTable(name.Span, name.Text, _catalog.SourceNames));
            case ReadSource r:
                return BindRead(r);
            case KwicSource k:
            {
                var words = k.Term.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
                // A phrase of nothing but wildcards would match every word: almost surely not what was meant.
                if (Array.TrueForAll(words, w => w.Trim('*').Length == 0))
                    throw new BindError(DiagnosticFacts.EmptyKwicTerm(k.Term.Span));
                var tableName = k.Table?.Text.ToLowerInvariant() ?? CorpusSchema.Sentences.Name;
                if (!Kwic.IdColumns.ContainsKey(tableName) || _catalog.FindTable(tableName) is not { } searched)
                    throw new BindError(DiagnosticFacts.KwicTableWithoutText(k.Table!.Span, k.Table.Text, [.. Kwic.IdColumns.Keys]));
                int width = 5;
                if (k.Width is { } w)
                {
                    if (!w.IsInteger || w.Value < 0 || w.Value > 1000) throw new BindError(DiagnosticFacts.NotANonNegativeInteger(w.Span, "width"));
                    width = (int)w.Value;
                }
                return new QueryState(Kwic.Over(searched, words, width), false, "kwic");
            }
            case CollocationsSource c:
                return BindCollocationsSource(c);
            case KeywordsSource k:
                return BindKeywords(k);
            case CooccurSource c:
                return BindCooccurSource(c);
            default:
                throw new NotSupportedException(source.GetType().Name);
        }
    }

    /// <summary>The script's text of a span, with runs of whitespace made one space: default names of computed columns.</summary>
    string TextOf(TextSpan span) =>
        System.Text.RegularExpressions.Regex.Replace(_script.Substring(span.Start, span.Length), @"\s+", " ");
}

/// <summary>Stops binding at the first error; caught in <see cref="Binder.Bind"/>, never seen outside.</summary>
sealed class BindError(Diagnostic diagnostic) : Exception(diagnostic.Message)
{
    public Diagnostic Diagnostic { get; } = diagnostic;
}
