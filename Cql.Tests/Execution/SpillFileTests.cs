using Cql.Engine.Core;
using Cql.Engine.Execution;
using Cql.Tests.Support;

namespace Cql.Tests.Execution;

/// <summary>What a spill file gives back: the vectors written, whatever type the plan gave their column.</summary>
public sealed class SpillFileTests : IDisposable
{
    readonly TempDir _dir = new();
    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_column_reads_back_as_the_vector_it_was_written_from_even_when_its_declared_type_is_wider()
    {
        // A function may give Int32 values where the plan says Int64: read back as Int64, they would be two values
        // glued into one and every column after them misread.
        var ints = new Int32Vector([7, -1, 40_000], [false, true, false], 3);
        var text = new StringVector(["ä".AsMemory(), "".AsMemory(), "long text".AsMemory()], null, 3);
        using var area = new SpillArea(_dir.Path);
        var file = area.Create();
        file.Write(new ColumnBatch([ints, text], 3));
        var back = area.Open(file, [new ResultColumn("n", ColumnType.Int64), new ResultColumn("text", ColumnType.String)]).Next()!;
        var n = Assert.IsType<Int32Vector>(back.Columns[0]);
        Assert.Equal(7, n.Values[0]);
        Assert.True(n.IsNull(1));
        Assert.Equal(40_000, n.Values[2]);
        Assert.Equal(["ä", "", "long text"], ((StringVector)back.Columns[1]).Values.Select(v => v.ToString()));
    }
}
