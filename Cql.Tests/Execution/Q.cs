using Cql.Engine.Core;
using Cql.Engine.Optimizing;
using Cql.Engine.PhysicalPlanning;
using Cql.Engine.Planning;
using Cql.Engine.Storage.Reading;

namespace Cql.Tests.Execution;

/// <summary>Short builders for hand-made plans in tests.</summary>
static class Q
{
    public static ColumnRef Str(string name) => new(name, ColumnType.String);
    public static ColumnRef Int(string name) => new(name, ColumnType.Int32);
    public static Literal L(string s) => Literal.Of(s);
    public static Literal L(int i) => Literal.Of(i);
    public static Compare Eq(Expr a, Expr b) => new(CompareOp.Eq, a, b);

    /// <summary>The test quotes table: the corpus columns it has, plus score.</summary>
    public static Scan Quotes() => new("quotes", [
        new("quote_id", ColumnType.Int32), new("doc_id", ColumnType.Int32), new("sent_id", ColumnType.Int32),
        new("text", ColumnType.String), new("speaker", ColumnType.String), new("cue", ColumnType.String),
        new("lang", ColumnType.String), new("score", ColumnType.Int32)]);

    public static Scan Docs() => new("docs", [
        new("doc_id", ColumnType.Int32), new("lang", ColumnType.String), new("date", ColumnType.Date), new("title", ColumnType.String)]);

    public static Project Select(LogicalPlan input, params string[] names) =>
        new(input, names.Select(n => new NamedExpr(n, new ColumnRef(n, input.Find(n)!.Type))).ToList());

    /// <summary>Optimises and runs the plan, rendering rows like DuckDB's.</summary>
    public static List<string> Run(LogicalPlan plan, CorpusFiles files, int workers = 2) =>
        TestCorpus.Rows(PhysicalPlanner.Execute(Optimizer.Optimize(plan), files, CancellationToken.None, workers));

    public static List<string> Sorted(List<string> rows) { rows.Sort(StringComparer.Ordinal); return rows; }
}
