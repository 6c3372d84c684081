using Cql.Engine.Planning;
using static Cql.Tests.Execution.Q;

namespace Cql.Tests.Execution;

/// <summary>
/// Random predicate trees (and/or/not, comparisons, in, is null, over columns with nulls) run through pushdown,
/// row-group pruning and evaluation, and compared with DuckDB: any unsound pruning or three-valued-logic slip shows
/// as a different count. The seed is fixed so a failure reproduces.
/// </summary>
public sealed class RandomPredicateTests(TestCorpusFixture fx) : IClassFixture<TestCorpusFixture>
{
    readonly TestCorpus _c = fx.Corpus;

    [Fact]
    public void Random_predicates_count_like_duckdb()
    {
        var rng = new Random(20261124);
        for (int i = 0; i < 120; i++)
        {
            var (expr, sql) = Predicate(rng, depth: 3);
            var plan = new Aggregate(new Filter(Quotes(), expr), [], [new AggregateExpr(AggregateFunction.Count, null, "count")]);
            var expected = _c.DuckRows($"SELECT count(*) FROM {_c.Table("quotes")} WHERE {sql}");
            Assert.True(expected.SequenceEqual(Run(plan, _c.Files)), $"predicate {sql}: duckdb {expected[0]}, cql {Run(plan, _c.Files)[0]}");
        }
    }

    static (Expr, string) Predicate(Random rng, int depth)
    {
        int pick = rng.Next(depth > 0 ? 7 : 4);
        switch (pick)
        {
            case 0:
            {
                var (col, sqlCol) = rng.Next(2) == 0 ? (Int("quote_id"), "quote_id") : (Int("score"), "score");
                int v = col.Name == "score" ? rng.Next(-1, 12) : rng.Next(-100, TestCorpus.QuoteRows + 100);
                var op = (CompareOp)rng.Next(6);
                return (new Compare(op, col, L(v)), $"{sqlCol} {Sql(op)} {v}");
            }
            case 1:
            {
                string[] speakers = ["Xi Jinping", "Vladimir Putin", "Giorgia Meloni", "Nobody"];
                var col = rng.Next(2) == 0 ? "speaker" : "cue";
                var v = col == "cue" ? (rng.Next(2) == 0 ? "said" : "told") : speakers[rng.Next(speakers.Length)];
                var op = rng.Next(3) switch { 0 => CompareOp.Eq, 1 => CompareOp.NotEq, _ => CompareOp.Lt };
                return (new Compare(op, Str(col), L(v)), $"{col} {Sql(op)} '{v}'");
            }
            case 2:
            {
                string[] langs = ["no", "sv", "de", "it", "fr"];
                var a = langs[rng.Next(langs.Length)];
                var b = langs[rng.Next(langs.Length)];
                return (new InList(Str("lang"), [L(a), L(b)]), $"lang IN ('{a}', '{b}')");
            }
            case 3:
            {
                var col = rng.Next(2) == 0 ? "speaker" : "cue";
                bool neg = rng.Next(2) == 0;
                return (new IsNull(Str(col), neg), $"{col} IS {(neg ? "NOT " : "")}NULL");
            }
            case 4:
            {
                var (e, s) = Predicate(rng, depth - 1);
                return (new Not(e), $"NOT ({s})");
            }
            case 5:
            {
                var (a, sa) = Predicate(rng, depth - 1);
                var (b, sb) = Predicate(rng, depth - 1);
                return (new And(a, b), $"({sa}) AND ({sb})");
            }
            default:
            {
                var (a, sa) = Predicate(rng, depth - 1);
                var (b, sb) = Predicate(rng, depth - 1);
                return (new Or(a, b), $"({sa}) OR ({sb})");
            }
        }
    }

    static string Sql(CompareOp op) => op == CompareOp.NotEq ? "<>" : Compare.Symbol(op);
}
