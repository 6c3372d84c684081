namespace Cql.Engine.Execution;

/// <summary>Columns by name over a fixed number of rows: what expressions are evaluated against.</summary>
public interface IColumnSource
{
    int RowCount { get; }
    ColumnVector Get(string name);
}

/// <summary>A batch seen through its schema's names.</summary>
public sealed class BatchColumns(IReadOnlyList<ResultColumn> schema, ColumnBatch batch) : IColumnSource
{
    public int RowCount => batch.RowCount;
    public ColumnVector Get(string name)
    {
        for (int i = 0; i < schema.Count; i++)
            if (schema[i].Name == name) return batch.Columns[i];
        throw new InvalidOperationException($"no column {name} in the input ({string.Join(", ", schema.Select(c => c.Name))})");
    }
}
