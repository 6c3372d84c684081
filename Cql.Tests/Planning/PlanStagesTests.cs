using Cql.Engine.Core;
using Cql.Engine.Planning;
using Cql.Tests.Execution;
using static Cql.Tests.Execution.Q;

namespace Cql.Tests.Planning;

/// <summary>Queries built stage by stage, as the planner builds them, against DuckDB.</summary>
public sealed class PlanStagesTests(TestCorpusFixture fx) : IClassFixture<TestCorpusFixture>
{
    readonly TestCorpus _c = fx.Corpus;

    [Fact]
    public void Count_by_with_a_doc_field_filter_joins_the_docs_and_orders_by_count()
    {
        // quotes where doc.date startswith "2021" | count by speaker
        var where = PlanStages.Where(Quotes(), new TextMatch(TextOp.StartsWith, new ColumnRef("doc.date", ColumnType.Date), "2021"));
        var plan = PlanStages.CountBy(where, [new NamedExpr("speaker", Str("speaker"))]);
        Assert.Contains("DocJoin", PlanPrinter.Print(plan));
        Assert.Equal(
            _c.DuckRows($"""
                SELECT q.speaker, count(*) AS c FROM {_c.Table("quotes")} q JOIN {_c.Table("docs")} d ON q.doc_id = d.doc_id
                WHERE d.date LIKE '2021%' GROUP BY q.speaker ORDER BY c DESC, q.speaker NULLS LAST
                """),
            Run(plan, _c.Files));
    }

    [Fact]
    public void Select_of_doc_fields_after_kwic()
    {
        var plan = PlanStages.Select(PlanStages.Kwic(["moscow"], 1),
            [new NamedExpr("doc_id", Int("doc_id")), new NamedExpr("match", Str("match")), new NamedExpr("doc.title", Str("doc.title"))]);
        Assert.Equal(["1|Moscow|Title 1", "2|Moscow|Title 2", "3|Moscow|Title 3", "3|Moscow|Title 3", "3|Moscow|Title 3"], Run(plan, _c.Files));
    }
}
