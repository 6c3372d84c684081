using Cql.Engine.Core;
using Cql.Engine.Execution;
using Cql.Engine.Planning;

namespace Cql.Tests.Execution;

/// <summary>Top-N per group over more rows than the sort buffers before it cuts back (65,536), so the cutting back
/// itself is tested against a full sort; and the streaming limit by without a sort.</summary>
public sealed class LimitByTests
{
    /// <summary>Rows id = 0..n-1 with group g = id % 5 and a scrambled value v, in batches of 2048.</summary>
    sealed class Numbers(int rows) : IPhysicalOperator
    {
        int _next;
        public IReadOnlyList<ResultColumn> Columns { get; } =
            [new("id", ColumnType.Int32), new("g", ColumnType.Int32), new("v", ColumnType.Int32)];

        public static int G(int id) => id % 5;
        public static int V(int id) => (int)(id * 7919L % 1009);

        public ColumnBatch? Next(CancellationToken ct)
        {
            if (_next >= rows) return null;
            int n = Math.Min(2048, rows - _next);
            var (id, g, v) = (new int[n], new int[n], new int[n]);
            for (int i = 0; i < n; i++) { id[i] = _next + i; g[i] = G(_next + i); v[i] = V(_next + i); }
            _next += n;
            return new ColumnBatch([new Int32Vector(id, null, n), new Int32Vector(g, null, n), new Int32Vector(v, null, n)], n);
        }

        public void Dispose() { }
    }

    static List<int> Ids(IPhysicalOperator op)
    {
        var ids = new List<int>();
        using (op)
            while (op.Next(CancellationToken.None) is { } b)
                for (int r = 0; r < b.RowCount; r++) ids.Add(b.Columns[0].GetInt32(r));
        return ids;
    }

    [Fact]
    public void Top_n_per_group_cuts_back_to_n_rows_a_group_and_keeps_the_sorted_order()
    {
        const int rows = 300_000;
        var sort = new SortOperator(new Numbers(rows), [new SortKey(new ColumnRef("v", ColumnType.Int32), Descending: true)], 3,
            [new ColumnRef("g", ColumnType.Int32)]);
        // A stable sort by v descending (ties by input order), then the first three of each group.
        var expected = Enumerable.Range(0, rows).OrderByDescending(Numbers.V).ThenBy(i => i)
            .GroupBy(Numbers.G).SelectMany(g => g.Take(3))
            .OrderByDescending(Numbers.V).ThenBy(i => i).ToList();
        Assert.Equal(15, expected.Count);
        Assert.Equal(expected, Ids(sort));
    }

    [Fact]
    public void Limit_by_without_a_sort_passes_the_first_rows_of_each_group_as_they_come()
    {
        var limited = new LimitByOperator(new Numbers(100_000), 2, [new ColumnRef("g", ColumnType.Int32)]);
        Assert.Equal(Enumerable.Range(0, 10).ToList(), Ids(limited));
    }
}
