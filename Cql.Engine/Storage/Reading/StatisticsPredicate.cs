using Cql.Engine.Storage.Indexing;

namespace Cql.Engine.Storage.Reading;

/// <summary>How a column is compared with a constant in a <see cref="StatisticsPredicate.Compare"/>.</summary>
public enum StatisticsOp { Eq, NotEq, Lt, LtEq, Gt, GtEq }

/// <summary>
/// A condition on the rows of a row group, in the terms its statistics can judge (a column against a constant, null
/// tests, and/or/not): what the storage needs to know of a query's predicate to skip row groups
/// (<see cref="StatisticsPruning"/>). Whoever plans the scan builds it; a test the statistics know nothing about is
/// <see cref="Anything"/>, or <see cref="AnyValue"/> when it is unknown exactly for null rows.
/// </summary>
public abstract record StatisticsPredicate
{
    public sealed record And(StatisticsPredicate Left, StatisticsPredicate Right) : StatisticsPredicate;
    public sealed record Or(StatisticsPredicate Left, StatisticsPredicate Right) : StatisticsPredicate;
    public sealed record Not(StatisticsPredicate Operand) : StatisticsPredicate;

    /// <summary>The same truth value on every row: true, false, or unknown (null).</summary>
    public sealed record Constant(bool? Value) : StatisticsPredicate;

    /// <summary>Column is null (or, negated, is not null).</summary>
    public sealed record IsNull(string Column, bool Negated) : StatisticsPredicate;

    /// <summary>Column OP constant, unknown where the column or the constant is null; <see cref="Type"/> is the
    /// column's (a Float64 column may hold NaN rows its min and max do not show).</summary>
    public sealed record Compare(string Column, ColumnType Type, StatisticsOp Op, object? Value) : StatisticsPredicate;

    /// <summary>Column equals one of the constants (a null among them never matches).</summary>
    public sealed record InList(string Column, ColumnType Type, IReadOnlyList<object?> Values) : StatisticsPredicate;

    /// <summary>A test of the column's values that the statistics say nothing about: true or false where the column
    /// has a value, unknown where it is null.</summary>
    public sealed record AnyValue(string Column) : StatisticsPredicate;

    /// <summary>The column (a row id) is one of a set of ids; unknown where it is null.</summary>
    public sealed record IdIn(string Column, IdSet Ids) : StatisticsPredicate;

    /// <summary>Anything at all: never prunes.</summary>
    public sealed record Anything : StatisticsPredicate
    {
        public static readonly Anything Instance = new();
    }
}
