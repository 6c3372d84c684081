using Cql.Engine.Diagnostics;
using Cql.Engine.Planning;
using Cql.Engine.Syntax;

namespace Cql.Engine.Binding;

public sealed partial class Binder
{
    /// <summary>What each aggregate word of <see cref="SyntaxFacts"/> means (a test keeps the two in step).</summary>
    internal static readonly Dictionary<string, AggregateFunction> Aggregates = new(StringComparer.OrdinalIgnoreCase)
    {
        ["count"] = AggregateFunction.Count,
        ["count_distinct"] = AggregateFunction.CountDistinct,
        ["min"] = AggregateFunction.Min,
        ["max"] = AggregateFunction.Max,
        ["avg"] = AggregateFunction.Avg,
        ["sum"] = AggregateFunction.Sum,
        ["median"] = AggregateFunction.Percentile,
        ["percentile"] = AggregateFunction.Percentile,
        ["arg_max"] = AggregateFunction.ArgMax,
        ["arg_min"] = AggregateFunction.ArgMin,
        ["list"] = AggregateFunction.List,
        ["set"] = AggregateFunction.Set,
    };

    void BindStage(Stage stage, QueryState s)
    {
        switch (stage)
        {
            case WhereStage w:
                s.Plan = PlanStages.Where(s.Plan, BindCondition(w.Condition, s));
                break;
            case SelectStage sel:
            {
                var items = BindItems(sel.Items, s, []);
                s.Plan = PlanStages.Select(s.Plan, items);
                TrackPeriods(s, items);
                s.RowsAreDocs = false;
                s.EntityNameColumns = SpeakerColumn; // a renamed column is no longer known for what it holds
                s.Description = "the selected columns";
                break;
            }
            case ExtendStage x:
            {
                var items = BindExtension(x.Items, s);
                s.Plan = PlanStages.Select(s.Plan, items);
                TrackPeriods(s, items);
                s.Description = "the extended rows";
                break;
            }
            case OrderByStage o:
            {
                var keys = new List<SortKey>();
                foreach (var k in o.Keys) keys.Add(new SortKey(BindExpr(k.Expr, s), k.Descending));
                s.Plan = PlanStages.OrderBy(s.Plan, keys);
                break;
            }
            case LimitStage { By.Count: 0 } l:
                s.Plan = PlanStages.Limit(s.Plan, WholeNumber(l.Count, "limit"));
                break;
            case LimitStage l:
                s.Plan = PlanStages.LimitBy(s.Plan, WholeNumber(l.Count, "limit"), [.. l.By.Select(k => BindExpr(k.Expr, s))]);
                break;
            case JoinStage j:
                BindJoin(j, s);
                break;
            case CountStage { DistinctOf: { } value } c:
            {
                var keys = BindItems(c.Keys, s, ["count"]);
                s.Plan = PlanStages.CountBy(s.Plan, keys, BindExpr(value, s));
                TrackPeriods(s, keys);
                s.RowsAreDocs = false;
                s.Description = "the result of count distinct";
                break;
            }
            case CountStage c when c.Keys.Count == 0:
                s.Plan = PlanStages.Count(s.Plan);
                s.Periods.Clear();
                s.RowsAreDocs = false;
                s.Description = "the result of count";
                break;
            case CountStage c:
            {
                var keys = BindItems(c.Keys, s, ["count"]);
                s.Plan = PlanStages.CountBy(s.Plan, keys);
                TrackPeriods(s, keys);
                s.RowsAreDocs = false;
                s.Description = "the result of count by";
                break;
            }
            case GroupByStage g:
            {
                var keys = BindItems(g.Keys, s, []);
                var names = new HashSet<string>(keys.Select(k => k.Name), StringComparer.OrdinalIgnoreCase);
                var aggs = new List<AggregateExpr>();
                foreach (var a in g.Aggregates)
                {
                    var agg = BindAggregate(a, s);
                    if (!names.Add(agg.Name)) throw new BindError(DiagnosticFacts.DuplicateColumn(a.Span, agg.Name));
                    aggs.Add(agg);
                }
                s.Plan = PlanStages.GroupBy(s.Plan, keys, aggs);
                TrackPeriods(s, keys);
                s.RowsAreDocs = false;
                s.Description = "the result of group by";
                break;
            }
            case DistinctStage d:
                if (d.Columns.Count > 0)
                {
                    var items = BindItems(d.Columns, s, []);
                    s.Plan = PlanStages.Select(s.Plan, items);
                    TrackPeriods(s, items);
                    s.RowsAreDocs = false;
                    s.Description = "the distinct columns";
                }
                s.Plan = PlanStages.Distinct(s.Plan);
                break;
            case SampleStage sm:
            {
                long n = WholeNumber(sm.Count, "sample");
                long seed = sm.Seed is null ? 0 : WholeNumber(sm.Seed, "seed");
                if (n > int.MaxValue) throw new BindError(DiagnosticFacts.NotANonNegativeInteger(sm.Count.Span, "sample"));
                s.Plan = PlanStages.Sample(s.Plan, (int)n, unchecked((int)seed));
                break;
            }
            case FillStage f:
                BindFill(f, s);
                break;
            case ChartStage ch:
                s.Chart = BindChart(ch, s);
                break;
            case ExportStage e when ChartSpec.ImageFormatOf(e.Path.Value) is { } image:
                if (s.Chart is null) throw new BindError(DiagnosticFacts.ImageExportNeedsChart(e.Path.Span, e.Path.Value));
                s.Export = new BoundExport(e.Path.Value, OutputFormat.Tsv, image);
                break;
            case ExportStage e:
            {
                // A pipe or device (/dev/stdout, a FIFO) has no extension to go by: it gets TSV, as a pipe does from -c.
                var format = OutputFormats.FromPath(e.Path.Value)
                    ?? (e.Path.Value.Length > 0 && FileKinds.IsStream(FileKinds.Of(e.Path.Value)) ? OutputFormat.Tsv : null);
                if (format is null or OutputFormat.Markdown || e.Path.Value.Length == 0)
                    throw new BindError(DiagnosticFacts.UnknownExportFormat(e.Path.Span, e.Path.Value));
                s.Export = new BoundExport(e.Path.Value, format.Value);
                break;
            }
            case CollocationsStage c:
                BindCollocations(c.Spec, s, c.Span);
                break;
            case CooccurStage c:
                BindCooccur(c.Unit, s, c.Span);
                break;
            default:
                throw new NotSupportedException(stage.GetType().Name);
        }
    }

    /// <summary>Select items, count-by keys, group-by keys: bound expressions with unique output names.</summary>
    List<NamedExpr> BindItems(IReadOnlyList<SelectItem> items, QueryState s, IReadOnlyList<string> reserved)
    {
        var result = new List<NamedExpr>(items.Count);
        var names = new HashSet<string>(reserved, StringComparer.OrdinalIgnoreCase);
        foreach (var item in items)
        {
            var e = BindExpr(item.Expr, s);
            var name = item.Alias?.Text ?? DefaultName(item.Expr);
            if (!names.Add(name)) throw new BindError(DiagnosticFacts.DuplicateColumn(item.Alias?.Span ?? item.Expr.Span, name));
            result.Add(new NamedExpr(name, e));
        }
        return result;
    }

    /// <summary>extend: every column of the rows, in order, then the new ones; <c>NAME = expr</c> names its value (as
    /// KQL's extend writes it), <c>expr as NAME</c> too, and a name the rows already have is replaced where it stands.</summary>
    List<NamedExpr> BindExtension(IReadOnlyList<SelectItem> items, QueryState s)
    {
        var result = s.Plan.Schema.Select(c => new NamedExpr(c.Name, new ColumnRef(c.Name, c.Type))).ToList();
        var added = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in items)
        {
            var (name, expr, span) = item is { Alias: null, Expr: BinaryExpr { Op: BinaryOp.Eq, Left: NameExpr { Qualifier: null } n } eq }
                ? (n.Name.Text, eq.Right, n.Span)
                : (item.Alias?.Text ?? DefaultName(item.Expr), item.Expr, item.Alias?.Span ?? item.Expr.Span);
            if (!added.Add(name)) throw new BindError(DiagnosticFacts.DuplicateColumn(span, name));
            var named = new NamedExpr(name, BindExpr(expr, s));
            int at = result.FindIndex(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
            if (at >= 0) result[at] = named; else result.Add(named);
        }
        return result;
    }

    /// <summary>A column keeps its name (doc.title stays "doc.title"); anything else is named by its text.</summary>
    string DefaultName(SyntaxExpr e) => e is NameExpr n ? n.FullName : TextOf(e.Span);

    AggregateExpr BindAggregate(AggregateItem a, QueryState s)
    {
        if (!Aggregates.TryGetValue(a.Function.Text, out var fn))
            throw new BindError(DiagnosticFacts.UnknownAggregate(a.Function.Span, a.Function.Text, [.. Aggregates.Keys]));
        var function = a.Function.Text.ToLowerInvariant();
        int wanted = function is "percentile" or "arg_max" or "arg_min" ? 1 : 0;
        if (a.More.Count != wanted && a.Argument is not null)
            throw new BindError(DiagnosticFacts.WrongArgumentCount(a.Function.Span, function, wanted == 1 ? "2" : "1", a.More.Count + 1));
        Expr? arg = null;
        if (a.Argument is not null)
        {
            arg = BindExpr(a.Argument, s);
            if (fn is AggregateFunction.Avg or AggregateFunction.Sum or AggregateFunction.Percentile && !IsNumeric(arg.Type))
                throw new BindError(DiagnosticFacts.NotNumeric(a.Argument.Span, function, TypeName(arg.Type)));
        }
        else if (fn != AggregateFunction.Count) throw new BindError(DiagnosticFacts.AggregateNeedsArgument(a.Function.Span, function));
        // min(date) is named min_date (doc.date: min_doc_date); a computed argument or a call of more arguments is
        // named by the call as written.
        var last = a.More.Count > 0 ? a.More[^1] : a.Argument;
        var name = a.Alias?.Text
            ?? (last is null ? "count"
                : a.Argument is NameExpr n && a.More.Count == 0 ? $"{function}_{n.FullName.Replace('.', '_')}"
                : TextOf(TextSpan.FromBounds(a.Function.Span.Start, last.Span.End + 1)));
        return fn switch
        {
            AggregateFunction.Percentile => new AggregateExpr(fn, arg, name) { Fraction = function == "median" ? 0.5 : Percent(a.More[0]) / 100 },
            AggregateFunction.ArgMax or AggregateFunction.ArgMin => new AggregateExpr(fn, arg, name) { By = BindExtremeBy(a.More[0], function, s) },
            _ => new AggregateExpr(fn, arg, name),
        };
    }

    /// <summary>percentile's P: a number from 0 to 100 written in the query, as DuckDB's quantile takes a constant.</summary>
    static double Percent(SyntaxExpr e) => e is NumberLiteral { Value: >= 0 and <= 100 } n
        ? n.Value
        : throw new BindError(DiagnosticFacts.WrongArgumentType(e.Span, "percentile", "a number from 0 to 100 written in the query", Describe(e)));

    /// <summary>What arg_max/arg_min compare: anything with an order (numbers, text, dates).</summary>
    Expr BindExtremeBy(SyntaxExpr e, string function, QueryState s)
    {
        var by = BindExpr(e, s);
        return by.Type != ColumnType.Bool ? by
            : throw new BindError(DiagnosticFacts.WrongArgumentType(e.Span, function, "a number, text or date to compare", "a true/false value"));
    }

    long WholeNumber(NumberLiteral n, string what)
    {
        if (!n.IsInteger || n.Value < 0) throw new BindError(DiagnosticFacts.NotANonNegativeInteger(n.Span, what));
        return (long)n.Value;
    }
}
