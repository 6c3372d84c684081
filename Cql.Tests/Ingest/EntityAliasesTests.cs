using Cql.Engine.Core;

namespace Cql.Tests.Ingest;

/// <summary>The entities table's aliases column is written by ingest and read back by --append and by speaker
/// resolution; both must get the names that went in.</summary>
public class EntityAliasesTests
{
    [Fact]
    public void Aliases_read_back_as_written()
    {
        string[] aliases = ["Xi", "Xi Jinping", "习近平", "President Xi"];
        Assert.Equal(aliases, EntityAliases.Split(EntityAliases.Join(aliases)));
    }

    [Fact]
    public void No_aliases_and_a_null_cell_read_as_none()
    {
        Assert.Empty(EntityAliases.Split(EntityAliases.Join([])));
        Assert.Empty(EntityAliases.Split(null));
    }

    [Fact]
    public void Every_column_the_corpus_writer_names_is_in_the_schema()
    {
        // The writer's ordinals are looked up by name when first used; a renamed column must fail here, not write a
        // value into its neighbour.
        foreach (var t in CorpusSchema.Tables)
            for (int i = 0; i < t.Columns.Count; i++)
                Assert.Equal(i, t.Ordinal(t.Columns[i].Name));
        Assert.Throws<InvalidOperationException>(() => CorpusSchema.Quotes.Ordinal("no_such_column"));
    }
}
