namespace Cql.Engine.Core;

/// <summary>
/// One column of a batch. Operators work on the concrete vectors; the typed getters here are for the edges
/// (printing, export, C# globals), where a virtual call per value is fine.
/// </summary>
public abstract class ColumnVector
{
    public abstract ColumnType Type { get; }
    public abstract int Length { get; }
    public abstract bool IsNull(int row);
    public virtual int GetInt32(int row) => throw new InvalidOperationException($"{Type} column read as Int32");
    public virtual long GetInt64(int row) => throw new InvalidOperationException($"{Type} column read as Int64");
    public virtual double GetFloat64(int row) => throw new InvalidOperationException($"{Type} column read as Float64");
    public virtual bool GetBool(int row) => throw new InvalidOperationException($"{Type} column read as Bool");
    /// <summary>String and Date columns.</summary>
    public virtual ReadOnlyMemory<char> GetString(int row) => throw new InvalidOperationException($"{Type} column read as String");
}

/// <summary>A dense batch of rows handed across the engine's public edge: every vector has RowCount values.</summary>
public sealed class ColumnBatch(IReadOnlyList<ColumnVector> columns, int rowCount)
{
    public IReadOnlyList<ColumnVector> Columns { get; } = columns;
    public int RowCount { get; } = rowCount;
}

/// <summary>Name and type of a result column.</summary>
public sealed record ResultColumn(string Name, ColumnType Type);
