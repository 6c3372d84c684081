using Cql.Engine.Storage.Tables;

namespace Cql.Engine.Planning;

/// <summary>A node of the logical plan: an immutable tree whose leaves read corpus tables.</summary>
public abstract record LogicalPlan
{
    /// <summary>The columns this node produces, in order.</summary>
    public abstract IReadOnlyList<ResultColumn> Schema { get; }
    public abstract IReadOnlyList<LogicalPlan> Inputs { get; }
    /// <summary>The same node over new inputs (same count and order as <see cref="Inputs"/>).</summary>
    public abstract LogicalPlan WithInputs(IReadOnlyList<LogicalPlan> inputs);

    public ResultColumn? Find(string name)
    {
        foreach (var c in Schema) if (c.Name == name) return c;
        return null;
    }
}

/// <summary>An expression with the name of the column it produces.</summary>
public sealed record NamedExpr(string Name, Expr Expr);

/// <summary>
/// Reads one corpus table, or, when <see cref="File"/> is set, a user's own CSV or Parquet table (read "PATH";
/// <see cref="Table"/> is then the path as written). <see cref="Columns"/> are the columns produced;
/// <see cref="Predicate"/> (pushed down) is evaluated inside the scan, may read other columns, and prunes row groups
/// by statistics; <see cref="Limit"/> stops the scan after that many surviving rows.
/// </summary>
public sealed record Scan(string Table, IReadOnlyList<ResultColumn> Columns, Expr? Predicate = null, long? Limit = null) : LogicalPlan
{
    /// <summary>The user's table this scan reads instead of a corpus table; null for a corpus table.</summary>
    public UserTable? File { get; init; }

    public override IReadOnlyList<ResultColumn> Schema => Columns;

    /// <summary>A scan of every column of a user's table.</summary>
    public static Scan Of(UserTable table) =>
        new(table.Path, [.. table.Columns.Select(c => new ResultColumn(c.Name, c.Type))]) { File = table };
    public override IReadOnlyList<LogicalPlan> Inputs => [];
    public override LogicalPlan WithInputs(IReadOnlyList<LogicalPlan> inputs) => this;

    /// <summary>A scan of every column of a corpus table.</summary>
    public static Scan All(TableSchema table) => new(table.Name, ColumnsOf(table, null));

    /// <summary>A scan of the named columns (all when null), typed from the corpus schema.</summary>
    public static Scan Of(TableSchema table, params string[] columns) => new(table.Name, ColumnsOf(table, columns));

    static List<ResultColumn> ColumnsOf(TableSchema table, string[]? names)
    {
        var list = new List<ResultColumn>();
        if (names is null)
            foreach (var c in table.Columns) list.Add(new ResultColumn(c.Name, c.Type));
        else
            foreach (var n in names)
                list.Add(new ResultColumn(n, (table.Find(n) ?? throw new ArgumentException($"{table.Name} has no column {n}")).Type));
        return list;
    }
}

/// <summary>Keeps the rows for which the predicate is true (not false, not unknown).</summary>
public sealed record Filter(LogicalPlan Input, Expr Predicate) : LogicalPlan
{
    public override IReadOnlyList<ResultColumn> Schema => Input.Schema;
    public override IReadOnlyList<LogicalPlan> Inputs => [Input];
    public override LogicalPlan WithInputs(IReadOnlyList<LogicalPlan> inputs) => this with { Input = inputs[0] };
}

/// <summary>Computes the listed expressions, in order, as the new columns.</summary>
public sealed record Project(LogicalPlan Input, IReadOnlyList<NamedExpr> Columns) : LogicalPlan
{
    public override IReadOnlyList<ResultColumn> Schema => Columns.Select(c => new ResultColumn(c.Name, c.Expr.Type)).ToList();
    public override IReadOnlyList<LogicalPlan> Inputs => [Input];
    public override LogicalPlan WithInputs(IReadOnlyList<LogicalPlan> inputs) => this with { Input = inputs[0] };
}

/// <summary>
/// Adds the fields of the row each input row's id names (<see cref="ContextLink"/>: doc.FIELD by doc_id, sent.FIELD
/// by sent_id, para.FIELD by para_id), looked up by that id in <see cref="Target"/> — a scan of the linked table
/// producing the key and the fields. Rows keep their order; a row whose target is missing gets nulls, or, when
/// <see cref="Inner"/>, is dropped (the optimiser makes a join inner when it moves a filter on the fields into the
/// target side).
/// </summary>
public sealed record ContextJoin(LogicalPlan Input, LogicalPlan Target, ContextLink Link, bool Inner = false) : LogicalPlan
{
    public override IReadOnlyList<ResultColumn> Schema
    {
        get
        {
            var list = new List<ResultColumn>(Input.Schema);
            foreach (var c in Target.Schema)
                if (c.Name != Link.Key) list.Add(new ResultColumn(Link.Prefix + c.Name, c.Type));
            return list;
        }
    }
    public override IReadOnlyList<LogicalPlan> Inputs => [Input, Target];
    public override LogicalPlan WithInputs(IReadOnlyList<LogicalPlan> inputs) => this with { Input = inputs[0], Target = inputs[1] };

    /// <summary>The join of the whole linked table (the optimiser narrows its scan to the fields used).</summary>
    public static ContextJoin Of(LogicalPlan input, ContextLink link) => new(input, Scan.All(link.Table), link);
}

public enum AggregateFunction { Count, CountDistinct, Min, Max, Avg, Sum, Percentile, ArgMax, ArgMin, List, Set }

/// <summary>One aggregate; Count takes no argument (counts rows). arg_max/arg_min compare <see cref="By"/> and return
/// the argument of its extreme row; percentile (median is percentile 50) interpolates at <see cref="Fraction"/>.</summary>
public sealed record AggregateExpr(AggregateFunction Function, Expr? Argument, string Name)
{
    /// <summary>The value arg_max/arg_min compare; null for every other aggregate.</summary>
    public Expr? By { get; init; }

    /// <summary>The percentile as a fraction of 1 (median: 0.5); 0 for every other aggregate.</summary>
    public double Fraction { get; init; }

    /// <summary>The expressions the aggregate reads, for the joins and column lists below it.</summary>
    public IEnumerable<Expr> Inputs()
    {
        if (Argument is not null) yield return Argument;
        if (By is not null) yield return By;
    }

    public ColumnType Type => Function switch
    {
        AggregateFunction.Count or AggregateFunction.CountDistinct => ColumnType.Int64,
        AggregateFunction.Avg or AggregateFunction.Percentile => ColumnType.Float64,
        AggregateFunction.Sum => Argument!.Type == ColumnType.Float64 ? ColumnType.Float64 : ColumnType.Int64,
        AggregateFunction.List or AggregateFunction.Set => ColumnType.String,
        _ => Argument!.Type,
    };

    public override string ToString() => Function switch
    {
        _ when Argument is null => $"{Name}={Function}()",
        AggregateFunction.Percentile => $"{Name}={Function}({Argument}, {Fraction.ToString(System.Globalization.CultureInfo.InvariantCulture)})",
        AggregateFunction.ArgMax or AggregateFunction.ArgMin => $"{Name}={Function}({Argument}, {By})",
        _ => $"{Name}={Function}({Argument})",
    };
}

/// <summary>
/// Groups by the keys (none: one row over the whole input) and computes the aggregates. Groups come out in the
/// order of their first row.
/// </summary>
public sealed record Aggregate(LogicalPlan Input, IReadOnlyList<NamedExpr> Keys, IReadOnlyList<AggregateExpr> Aggregates) : LogicalPlan
{
    public override IReadOnlyList<ResultColumn> Schema
    {
        get
        {
            var list = new List<ResultColumn>();
            foreach (var k in Keys) list.Add(new ResultColumn(k.Name, k.Expr.Type));
            foreach (var a in Aggregates) list.Add(new ResultColumn(a.Name, a.Type));
            return list;
        }
    }
    public override IReadOnlyList<LogicalPlan> Inputs => [Input];
    public override LogicalPlan WithInputs(IReadOnlyList<LogicalPlan> inputs) => this with { Input = inputs[0] };
}

/// <summary>Keeps the first row of each set of equal rows.</summary>
public sealed record Distinct(LogicalPlan Input) : LogicalPlan
{
    public override IReadOnlyList<ResultColumn> Schema => Input.Schema;
    public override IReadOnlyList<LogicalPlan> Inputs => [Input];
    public override LogicalPlan WithInputs(IReadOnlyList<LogicalPlan> inputs) => this with { Input = inputs[0] };
}

/// <summary>One sort key; nulls sort last in both directions (as DuckDB by default).</summary>
public sealed record SortKey(Expr Expr, bool Descending = false)
{
    public override string ToString() => Descending ? $"{Expr} desc" : Expr.ToString();
}

/// <summary>A stable sort; with <see cref="Limit"/> only the first rows are kept (top-N).</summary>
public sealed record Sort(LogicalPlan Input, IReadOnlyList<SortKey> Keys, long? Limit = null) : LogicalPlan
{
    public override IReadOnlyList<ResultColumn> Schema => Input.Schema;
    public override IReadOnlyList<LogicalPlan> Inputs => [Input];
    public override LogicalPlan WithInputs(IReadOnlyList<LogicalPlan> inputs) => this with { Input = inputs[0] };
}

/// <summary>The first Count rows.</summary>
public sealed record Limit(LogicalPlan Input, long Count) : LogicalPlan
{
    public override IReadOnlyList<ResultColumn> Schema => Input.Schema;
    public override IReadOnlyList<LogicalPlan> Inputs => [Input];
    public override LogicalPlan WithInputs(IReadOnlyList<LogicalPlan> inputs) => this with { Input = inputs[0] };
}

/// <summary>The first Count rows of each group of equal <see cref="Keys"/> (nulls make a group of their own), in
/// their input order: after a sort, the top Count of each group.</summary>
public sealed record LimitBy(LogicalPlan Input, long Count, IReadOnlyList<Expr> Keys) : LogicalPlan
{
    public override IReadOnlyList<ResultColumn> Schema => Input.Schema;
    public override IReadOnlyList<LogicalPlan> Inputs => [Input];
    public override LogicalPlan WithInputs(IReadOnlyList<LogicalPlan> inputs) => this with { Input = inputs[0] };
}

/// <summary>Count rows chosen uniformly at random (reservoir sampling), the same rows for the same seed and input;
/// they keep their input order.</summary>
public sealed record Sample(LogicalPlan Input, int Count, int Seed) : LogicalPlan
{
    public override IReadOnlyList<ResultColumn> Schema => Input.Schema;
    public override IReadOnlyList<LogicalPlan> Inputs => [Input];
    public override LogicalPlan WithInputs(IReadOnlyList<LogicalPlan> inputs) => this with { Input = inputs[0] };
}

/// <summary>
/// Adds the empty periods of a time series: between the first and the last period of <see cref="Period"/> (text
/// periods of <see cref="Unit"/>), a row for every period each series lacks, with 0 in the number columns. A series
/// is a combination of the values of the other columns that are not numbers (count by bucket(doc.date, month), lang:
/// one series per language). Rows come out by period, then series in order of first appearance; rows without a
/// period follow at the end as they were.
/// </summary>
public sealed record Fill(LogicalPlan Input, string Period, PeriodUnit Unit) : LogicalPlan
{
    public override IReadOnlyList<ResultColumn> Schema => Input.Schema;
    public override IReadOnlyList<LogicalPlan> Inputs => [Input];
    public override LogicalPlan WithInputs(IReadOnlyList<LogicalPlan> inputs) => this with { Input = inputs[0] };
}

/// <summary>
/// Keyword in context: finds the phrase (consecutive words, whole-word, case-insensitive, `*` a wildcard inside or
/// as a word) in the text of each input row and yields doc_id, the row's id column (sent_id by default), left,
/// match, right with <see cref="Context"/> words each side. <see cref="Input"/> produces doc_id, the id column and text.
/// </summary>
public sealed record Kwic(LogicalPlan Input, IReadOnlyList<string> Words, int Context, string IdColumn = "sent_id") : LogicalPlan
{
    /// <summary>The tables kwic can search: those with a text and a key, with the key that identifies a row.</summary>
    public static readonly IReadOnlyDictionary<string, string> IdColumns = CorpusSchema.Tables
        .Where(t => t.Key is not null && t.Find(WellKnownColumns.Text) is not null)
        .ToDictionary(t => t.Name, t => t.Key!, StringComparer.Ordinal);

    public override IReadOnlyList<ResultColumn> Schema
    {
        get
        {
            var list = new List<ResultColumn> { new("doc_id", ColumnType.Int32) };
            if (IdColumn != "doc_id") list.Add(new(IdColumn, ColumnType.Int32));
            list.Add(new("left", ColumnType.String));
            list.Add(new("match", ColumnType.String));
            list.Add(new("right", ColumnType.String));
            return list;
        }
    }
    public override IReadOnlyList<LogicalPlan> Inputs => [Input];
    public override LogicalPlan WithInputs(IReadOnlyList<LogicalPlan> inputs) => this with { Input = inputs[0] };

    /// <summary>Kwic over the sentences table.</summary>
    public static Kwic OverSentences(IReadOnlyList<string> words, int context) => Over(CorpusSchema.Sentences, words, context);

    /// <summary>Kwic over a table with text (one of <see cref="IdColumns"/>), with a case-insensitive contains on the
    /// longest literal part of the phrase pushed into the scan (every whole-word match also contains it).</summary>
    public static Kwic Over(TableSchema table, IReadOnlyList<string> words, int context)
    {
        var id = IdColumns[table.Name];
        var scan = id == WellKnownColumns.DocId
            ? Scan.Of(table, WellKnownColumns.DocId, WellKnownColumns.Text)
            : Scan.Of(table, WellKnownColumns.DocId, id, WellKnownColumns.Text);
        string longest = "";
        foreach (var w in words)
            foreach (var part in w.Split('*'))
                if (part.Length > longest.Length) longest = part;
        var pre = longest.Length > 0
            ? scan with { Predicate = new TextMatch(TextOp.Contains, new ColumnRef(WellKnownColumns.Text, ColumnType.String), longest) }
            : scan;
        return new Kwic(pre, words, context, id);
    }
}
