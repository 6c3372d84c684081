namespace Cql.Engine.Storage.Reading;

/// <summary>Min, max and null count of one column in one row group (or a partition folder's constant value).
/// Min and Max are normalised: string, double or bool; null when unknown.</summary>
public sealed record ColumnStatistics(object? Min, object? Max, long? NullCount);

/// <summary>The statistics of one row group, by column name.</summary>
public interface IRowGroupStatistics
{
    long RowCount { get; }
    /// <summary>Statistics of the column, or null when unknown.</summary>
    ColumnStatistics? Get(string column);
}
