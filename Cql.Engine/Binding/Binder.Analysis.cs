using Cql.Engine.Diagnostics;
using Cql.Engine.Planning;
using Cql.Engine.Syntax;

namespace Cql.Engine.Binding;

/// <summary>The corpus-linguistic forms: collocations, keywords (keyness) and cooccur, as sources and stages.</summary>
public sealed partial class Binder
{
    static readonly Dictionary<string, CollocationScore> Scores = new(StringComparer.OrdinalIgnoreCase)
    {
        ["logdice"] = CollocationScore.LogDice,
        ["mi"] = CollocationScore.Mi,
        ["t"] = CollocationScore.T,
        ["ll"] = CollocationScore.Ll,
    };

    static readonly Dictionary<string, CooccurUnit> Units = new(StringComparer.OrdinalIgnoreCase)
    {
        ["sentences"] = CooccurUnit.Sentences,
        ["paragraphs"] = CooccurUnit.Paragraphs,
        ["docs"] = CooccurUnit.Docs,
    };

    /// <summary>The columns cooccur reads from each mention.</summary>
    static readonly string[] MentionColumns = [WellKnownColumns.DocId, "entity_id", "start"];

    /// <summary>A table with text to read words from (sentences when none is named), as a query's start.</summary>
    QueryState TextTable(Name? named, string form)
    {
        var tableName = named?.Text.ToLowerInvariant() ?? CorpusSchema.Sentences.Name;
        if (!Kwic.IdColumns.ContainsKey(tableName) || _catalog.FindTable(tableName) is not { } table)
            throw new BindError(DiagnosticFacts.NeedsColumns(named!.Span, form, $"'{named.Text}'", [WellKnownColumns.Text],
                $"{form} … in {string.Join("|", Kwic.IdColumns.Keys)}"));
        return new QueryState(Scan.All(table), table.Name == CorpusSchema.Docs.Name, table.Name);
    }

    QueryState BindCollocationsSource(CollocationsSource c)
    {
        var s = TextTable(c.Table, "collocations");
        BindCollocations(c.Spec, s, c.Span);
        return s;
    }

    void BindCollocations(CollocationsSpec spec, QueryState s, TextSpan at)
    {
        if (s.Plan.Find(WellKnownColumns.Text) is not { Type: ColumnType.String })
            throw new BindError(DiagnosticFacts.NeedsColumns(at, "collocations", s.Description, [WellKnownColumns.Text],
                "sentences where doc.lang = no | collocations \"samarbeid*\""));
        var words = spec.Term.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (Array.TrueForAll(words, w => w.Trim('*').Length == 0)) throw new BindError(DiagnosticFacts.EmptyKwicTerm(spec.Term.Span));
        int window = 5, min = 2;
        if (spec.Window is { } w)
        {
            if (!w.IsInteger || w.Value < 1 || w.Value > 1000) throw new BindError(DiagnosticFacts.NotAPositiveInteger(w.Span, "window"));
            window = (int)w.Value;
        }
        if (spec.Min is { } m)
        {
            if (!m.IsInteger || m.Value < 1 || m.Value > int.MaxValue) throw new BindError(DiagnosticFacts.NotAPositiveInteger(m.Span, "min"));
            min = (int)m.Value;
        }
        var by = CollocationScore.LogDice;
        if (spec.By is { } b && !Scores.TryGetValue(b.Text, out by))
            throw new BindError(DiagnosticFacts.UnknownScore(b.Span, b.Text, [.. Scores.Keys]));
        s.Plan = new Collocations(s.Plan, words, window, min, by);
        s.RowsAreDocs = false;
        s.Description = "the result of collocations";
    }

    QueryState BindKeywords(KeywordsSource k)
    {
        var s = TextTable(k.Table, "keywords");
        var target = BindCondition(k.Target, s);
        var reference = k.Reference is null ? null : BindCondition(k.Reference, s);
        const string targetColumn = "_target", referenceColumn = "_reference";
        // With a reference condition the rows in neither part are not read at all.
        var input = reference is null ? s.Plan : PlanStages.Where(s.Plan, new Or(target, reference));
        var columns = new List<NamedExpr>
        {
            new(WellKnownColumns.Text, new ColumnRef(WellKnownColumns.Text, ColumnType.String)),
            new(targetColumn, target),
        };
        if (reference is not null) columns.Add(new NamedExpr(referenceColumn, reference));
        s.Plan = new Keywords(PlanStages.Select(input, columns), targetColumn, reference is null ? null : referenceColumn,
            k.All ? double.NegativeInfinity : Keywords.Significant);
        s.RowsAreDocs = false;
        s.Description = "the result of keywords";
        return s;
    }

    QueryState BindCooccurSource(CooccurSource c)
    {
        var s = new QueryState(Scan.All(CorpusSchema.Mentions), false, CorpusSchema.Mentions.Name);
        BindCooccur(c.Unit, s, c.Span);
        return s;
    }

    void BindCooccur(Name? unitName, QueryState s, TextSpan at)
    {
        foreach (var col in MentionColumns)
            if (s.Plan.Find(col) is not { Type: ColumnType.Int32 })
                throw new BindError(DiagnosticFacts.NeedsColumns(at, "cooccur", s.Description, MentionColumns, "mentions where doc.lang = de | cooccur in sentences"));
        var unit = CooccurUnit.Sentences;
        if (unitName is not null && !Units.TryGetValue(unitName.Text, out unit))
            throw new BindError(DiagnosticFacts.UnknownCooccurUnit(unitName.Span, unitName.Text, [.. Units.Keys]));
        var mentions = PlanStages.Select(s.Plan, [.. MentionColumns.Select(c => new NamedExpr(c, new ColumnRef(c, ColumnType.Int32)))]);
        Scan? units = unit switch
        {
            CooccurUnit.Sentences => Scan.Of(CorpusSchema.Sentences, WellKnownColumns.DocId, "start", "end"),
            CooccurUnit.Paragraphs => Scan.Of(CorpusSchema.Paragraphs, WellKnownColumns.DocId, "start", "end"),
            _ => null,
        };
        s.Plan = new Cooccur(mentions, units, Scan.Of(CorpusSchema.Entities, "entity_id", "name", "kind"), unit);
        s.RowsAreDocs = false;
        s.Description = "the result of cooccur";
        s.EntityNameColumns = CooccurNameColumns;
    }

    static readonly HashSet<string> CooccurNameColumns = new(StringComparer.Ordinal) { "a", "b" };
}
