using Cql.Engine.Diagnostics;
using Cql.Engine.Planning;
using Cql.Engine.Syntax;

namespace Cql.Engine.Binding;

public sealed partial class Binder
{
    /// <summary>After a stage that makes new columns: which of them are periods of bucket() — one written there, or a
    /// period column of the input passed on by name.</summary>
    static void TrackPeriods(QueryState s, IReadOnlyList<NamedExpr> items)
    {
        var periods = new Dictionary<string, PeriodUnit>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in items)
        {
            if (item.Expr is DateBucket b) periods[item.Name] = b.Unit;
            else if (item.Expr is ColumnRef r && s.Periods.TryGetValue(r.Name, out var unit)) periods[item.Name] = unit;
        }
        s.Periods = periods;
    }

    /// <summary>fill [COLUMN]: the period column named, or the only one there is.</summary>
    void BindFill(FillStage f, QueryState s)
    {
        string period;
        if (f.Column is { } named)
        {
            var c = FindColumn(s, named.Text)
                ?? throw new BindError(DiagnosticFacts.UnknownColumn(named.Span, named.Text, s.Description, [.. s.Plan.Schema.Select(x => x.Name)]));
            if (!s.Periods.ContainsKey(c.Name))
                throw new BindError(DiagnosticFacts.FillNeedsPeriod(named.Span, $"'{c.Name}' holds no periods of bucket()"));
            period = c.Name;
        }
        else
        {
            var periods = s.Plan.Schema.Where(c => s.Periods.ContainsKey(c.Name)).ToList();
            if (periods.Count == 0) throw new BindError(DiagnosticFacts.FillNeedsPeriod(f.Span, "fill needs a column of periods from bucket() in the rows"));
            if (periods.Count > 1)
                throw new BindError(DiagnosticFacts.FillNeedsPeriod(f.Span, $"fill does not know which periods to fill: {string.Join(", ", periods.Select(p => p.Name))}")
                    with { Suggestion = $"name one: fill {periods[0].Name}" });
            period = periods[0].Name;
        }
        s.Plan = PlanStages.Fill(s.Plan, period, s.Periods[period]);
    }

    /// <summary>
    /// chart KIND [x COL] [y COL, …] [by COL] [title "…"]. Left out, x is the first column that is not a number (for
    /// hist the first number), y every number column but x and by, and by the one other column that is not a number
    /// when there is exactly one (count by bucket(doc.date, month), lang: a line per language).
    /// </summary>
    ChartSpec BindChart(ChartStage ch, QueryState s)
    {
        if (!ChartSpec.TryParseKind(ch.Kind.Text, out var kind)) throw new BindError(DiagnosticFacts.UnknownChartKind(ch.Kind.Span, ch.Kind.Text));
        var schema = s.Plan.Schema;
        ResultColumn Column(Name n) => FindColumn(s, n.Text)
            ?? throw new BindError(DiagnosticFacts.UnknownColumn(n.Span, n.Text, s.Description, [.. schema.Select(x => x.Name)]));
        static bool Number(ResultColumn c) => IsNumeric(c.Type);

        var by = ch.By is { } b ? Column(b) : null;
        ResultColumn x;
        if (ch.X is { } xn)
        {
            x = Column(xn);
            if (kind == ChartKind.Hist && !Number(x)) throw new BindError(DiagnosticFacts.ChartNeedsNumbers(xn.Span, x.Name, TypeName(x.Type), "the x of a hist"));
        }
        else
        {
            x = (kind == ChartKind.Hist ? schema.FirstOrDefault(Number) : schema.FirstOrDefault(c => !Number(c) && c != by))
                ?? schema.FirstOrDefault(c => c != by) ?? schema[0];
            if (kind == ChartKind.Hist && !Number(x)) throw new BindError(DiagnosticFacts.ChartNeedsNumbers(ch.Kind.Span, x.Name, TypeName(x.Type), "the x of a hist"));
        }

        var ys = new List<string>();
        if (kind == ChartKind.Hist)
        {
            if (ch.Y.Count > 0) throw new BindError(DiagnosticFacts.HistTakesNoY(ch.Y[0].Span, x.Name));
        }
        else if (ch.Y.Count > 0)
        {
            foreach (var yn in ch.Y)
            {
                var y = Column(yn);
                if (!Number(y)) throw new BindError(DiagnosticFacts.ChartNeedsNumbers(yn.Span, y.Name, TypeName(y.Type), "the y"));
                ys.Add(y.Name);
            }
        }
        else
        {
            foreach (var c in schema) if (Number(c) && c != x && c != by) ys.Add(c.Name);
            if (ys.Count == 0) throw new BindError(DiagnosticFacts.ChartWithoutNumbers(ch.Span, x.Name));
        }

        if (by is null && ch.By is null && kind != ChartKind.Hist)
        {
            var others = schema.Where(c => !Number(c) && c != x).ToList();
            if (others.Count == 1) by = others[0];
        }
        return new ChartSpec(kind, x.Name, ys, by?.Name, ch.Title?.Value,
            s.Periods.TryGetValue(x.Name, out var unit) ? unit : null);
    }
}
