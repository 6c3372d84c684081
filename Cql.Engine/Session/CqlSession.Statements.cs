using Cql.Engine.Binding;
using Cql.Engine.Charts;
using Cql.Engine.Diagnostics;
using Cql.Engine.Execution;
using Cql.Engine.Optimizing;
using Cql.Engine.Output;
using Cql.Engine.PhysicalPlanning;
using Cql.Engine.Storage;
using Cql.Engine.Storage.Reading;
using Cql.Engine.Syntax;
using System.Text;

namespace Cql.Engine.Session;

public sealed partial class CqlSession
{
    /// <summary>
    /// Runs each statement of <paramref name="script"/> in order: parse → bind → plan → optimise → execute. Yields one
    /// outcome per statement as it goes (a failing statement yields an <see cref="ErrorOutcome"/>; the caller decides
    /// whether to go on). Rows are streamed: read and dispose each <see cref="RowsOutcome"/> before asking for the next.
    /// </summary>
    public IEnumerable<StatementOutcome> Run(string script, CancellationToken ct)
    {
        LastQuery = script;
        foreach (var parsed in _parser.Parse(script))
        {
            ct.ThrowIfCancellationRequested();
            yield return RunStatement(script, parsed, ct);
        }
    }

    /// <summary>The diagnostics of a script without running it (the REPL's error carets, fuzzing): parse and bind
    /// each statement; lets are bound in a scratch catalog so checking never changes the session.</summary>
    public IReadOnlyList<Diagnostic> Check(string script)
    {
        var scratch = Catalog.Scratch();
        var result = new List<Diagnostic>();
        foreach (var parsed in _parser.Parse(script))
        {
            if (!parsed.Succeeded) { result.AddRange(parsed.Diagnostics); continue; }
            var bound = Binder.Bind(parsed.Statement!, scratch, script);
            result.AddRange(bound.Diagnostics);
            if (bound.Statement is BoundLet l) scratch.SetLet(l.Binding);
        }
        return result;
    }

    /// <summary>How many statements of a script would yield rows (queries without export, show tables, describe),
    /// told without running them: the CLI refuses `-o FILE` for several before writing anything. A statement that
    /// does not parse or bind counts as none (it fails when run).</summary>
    public int CountRowResults(string script)
    {
        var scratch = Catalog.Scratch();
        int n = 0;
        foreach (var parsed in _parser.Parse(script))
        {
            if (!parsed.Succeeded) continue;
            var bound = Binder.Bind(parsed.Statement!, scratch, script);
            if (bound.Statement is BoundLet l) scratch.SetLet(l.Binding);
            if (bound.Statement is BoundQuery { Export: null } or BoundShowTables or BoundDescribe) n++;
        }
        return n;
    }

    StatementOutcome RunStatement(string script, ParsedStatement parsed, CancellationToken ct)
    {
        var text = script.Substring(parsed.Span.Start, parsed.Span.Length);
        if (!parsed.Succeeded) return QueryError(text, script, parsed.Diagnostics);
        var bound = Binder.Bind(parsed.Statement!, Catalog, script);
        if (!bound.Succeeded) return QueryError(text, script, bound.Diagnostics);
        try
        {
            return bound.Statement switch
            {
                BoundQuery q => RunQuery(text, q, ct),
                BoundLet l => DefineLet(text, l),
                BoundExplain e => new TextOutcome(text, Explain(e, script, ct)),
                BoundShowTables => new RowsOutcome(text, ShowTables()),
                BoundDescribe d => new RowsOutcome(text, Describe(d)),
                _ => throw new NotSupportedException(bound.Statement!.GetType().Name),
            };
        }
        catch (QueryRuntimeException e) { return new ErrorOutcome(text, "error: " + e.Message, IsRuntime: false); }
        catch (CorpusReadException e) { return RuntimeError(text, e.Message); }
        catch (CorpusException e) { return RuntimeError(text, e.Message); }
        catch (IOException e) { return RuntimeError(text, e.Message); }
        catch (UnauthorizedAccessException e) { return RuntimeError(text, e.Message); }
    }

    StatementOutcome RunQuery(string text, BoundQuery q, CancellationToken ct)
    {
        var rows = PhysicalPlanner.Execute(Optimizer.Optimize(q.Plan), Files, ct, budget: Budget);
        if (q.Export is not { } export) return new RowsOutcome(text, rows) { Chart = q.Chart };
        using (rows)
        {
            long n = export.Image is { } image
                ? ExportChart(rows, q.Chart!, image, export.Path, ProvenanceFor(text), ct)
                : ResultWriter.Export(rows, export.Path, export.Format, ProvenanceFor(text), ct);
            return new ExportOutcome(text, Path.GetFullPath(export.Path), n);
        }
    }

    /// <summary>Draws the chart of the rows into an image file, by export's rules (atomic, never over a folder or
    /// other special file); returns the number of rows charted.</summary>
    public static long ExportChart(IBatchStream rows, ChartSpec chart, ChartImageFormat format, string path, Provenance provenance, CancellationToken ct)
    {
        var data = ChartData.Read(rows, chart, ct);
        long charted = data.RowsCharted;
        return ResultWriter.WriteFile(path, provenance, stream => { ImageChart.Write(data, format, stream); return charted; }, ct);
    }

    StatementOutcome DefineLet(string text, BoundLet l)
    {
        Catalog.SetLet(l.Binding);
        var cols = string.Join(", ", l.Binding.Plan.Schema.Select(c => c.Name));
        return new TextOutcome(text, $"{l.Binding.Name}: {cols}");
    }

    string Explain(BoundExplain e, string script, CancellationToken ct)
    {
        var sb = new StringBuilder();
        sb.Append(PhysicalPlanPrinter.Print(Optimizer.Optimize(e.Plan), Files, ct, Budget).TrimEnd('\n'));
        if (e.Chart is { } c)
            sb.Append('\n').Append($"then chart {c.Kind.ToString().ToLowerInvariant()} x={c.X} y=[{string.Join(", ", c.Y)}]")
                .Append(c.By is null ? "" : $" by={c.By}").Append(c.XPeriod is { } u ? $" (x: periods of a {DatePeriods.Name(u)})" : "");
        if (e.Export is { } x)
            sb.Append('\n').Append($"then export to {x.Path} ({(x.Image?.ToString() ?? x.Format.ToString()).ToLowerInvariant()})");
        foreach (var note in e.Notes) sb.Append('\n').Append(DiagnosticRenderer.Render(note, script));
        return sb.ToString();
    }

    static readonly IReadOnlyList<ResultColumn> TableColumns =
        [new("table", ColumnType.String), new("rows", ColumnType.Int64), new("description", ColumnType.String)];

    IBatchStream ShowTables()
    {
        var rows = new List<object?[]>();
        foreach (var t in Catalog.Tables)
            rows.Add([t.Name, Manifest.Tables.GetValueOrDefault(t.Name)?.Rows ?? 0L, t.Description]);
        foreach (var l in Catalog.Lets)
            rows.Add([l.Name, null, "let: " + string.Join(", ", l.Plan.Schema.Select(c => c.Name))]);
        return new MemoryRows(TableColumns, rows);
    }

    static readonly IReadOnlyList<ResultColumn> DescribeColumns =
        [new("column", ColumnType.String), new("type", ColumnType.String), new("nullable", ColumnType.Bool), new("description", ColumnType.String)];

    static IBatchStream Describe(BoundDescribe d)
    {
        var rows = new List<object?[]>();
        foreach (var c in d.Columns) rows.Add([c.Name, c.Type.ToString().ToLowerInvariant(), c.Nullable, c.Description]);
        return new MemoryRows(DescribeColumns, rows);
    }

    static ErrorOutcome QueryError(string text, string script, IReadOnlyList<Diagnostic> diagnostics) =>
        new(text, string.Join("\n", diagnostics.Where(d => d.IsError).Select(d => DiagnosticRenderer.Render(d, script))),
            IsRuntime: diagnostics.Any(d => d.IsError && d.IsInputError));

    static ErrorOutcome RuntimeError(string text, string message) => new(text, "error: " + message, IsRuntime: true);
}
