namespace Cql.Engine.Syntax;

/// <summary>What a word of the language is.</summary>
public enum WordKind
{
    /// <summary>Starts a statement that is not a query: let, explain, show, describe (and tables after show).</summary>
    Statement,
    /// <summary>A source other than a table: kwic.</summary>
    Source,
    /// <summary>Starts a stage after '|' (where also right after the source).</summary>
    Stage,
    /// <summary>A word inside a stage or source that is not an operator: by, aggregate, seed, width, as, title.</summary>
    Clause,
    /// <summary>A condition's operator: and, or, not, in, is, contains, has, matches, startswith.</summary>
    Operator,
    /// <summary>A literal written as a word: true, false, null.</summary>
    Literal,
    /// <summary>asc, desc after an order key.</summary>
    SortDirection,
    /// <summary>A scalar function name: lower(text).</summary>
    Function,
    /// <summary>An aggregate function name: count(), min(x).</summary>
    Aggregate,
    /// <summary>The qualifier of doc.FIELD, sent.FIELD, para.FIELD.</summary>
    Qualifier,
}

/// <summary>What the scripts, the splitter and the messages need to know about a word, beyond its kind.</summary>
[Flags]
public enum WordRoles
{
    None = 0,
    /// <summary>Never a column name, a let name or a bare word read as text.</summary>
    Reserved = 1,
    /// <summary>A line that ends with it is unfinished: the statement goes on to the next line.</summary>
    NeedsMore = 2,
    /// <summary>Cannot start a statement: a line that starts with it continues the statement above.</summary>
    Continues = 4,
    /// <summary>A mistyped word is compared with it for "did you mean".</summary>
    Suggested = 8,
    /// <summary>Starts a statement of its own (a let name cannot be one).</summary>
    StartsStatement = 16,
}

/// <summary>One word of the language. <paramref name="AsWritten"/> is how messages show a stage ("order by").</summary>
public sealed record WordFact(string Text, WordKind Kind, WordRoles Roles, string? AsWritten = null)
{
    public bool Has(WordRoles role) => (Roles & role) == role;
}

/// <summary>
/// Every word of the language, once, with its kind and roles: the grammar's reserved words and stage list, the
/// statement splitter, the REPL's colours and completion, the "did you mean" lists and the binder all read this
/// table. Adding a keyword is one line here (and its rule in <see cref="Grammar"/> if it is new syntax). Words are
/// compared case-insensitively. A word may appear twice with two kinds (count is a stage and an aggregate).
/// </summary>
public static class SyntaxFacts
{
    const WordRoles R = WordRoles.Reserved, M = WordRoles.NeedsMore, C = WordRoles.Continues, S = WordRoles.Suggested,
        St = WordRoles.StartsStatement, None = WordRoles.None;

    /// <summary>The table. The order matters only where two suggestions are equally near (the first wins).</summary>
    public static readonly IReadOnlyList<WordFact> Words =
    [
        new("where", WordKind.Stage, M | C | S),
        new("select", WordKind.Stage, M | C | S),
        new("extend", WordKind.Stage, M | C | S),
        new("order", WordKind.Stage, C | S, AsWritten: "order by"),
        new("by", WordKind.Clause, M | S),
        new("limit", WordKind.Stage, M | C | S),
        new("count", WordKind.Stage, C | S, AsWritten: "count, count by, count distinct"),
        new("group", WordKind.Stage, C | S, AsWritten: "group by"),
        new("aggregate", WordKind.Clause, M | C | S),
        new("distinct", WordKind.Stage, C | S),
        new("sample", WordKind.Stage, M | C | S),
        new("seed", WordKind.Clause, M | C | S),
        new("fill", WordKind.Stage, C | S),
        new("chart", WordKind.Stage, M | C | S),
        new("x", WordKind.Clause, None),
        new("y", WordKind.Clause, None),
        new("title", WordKind.Clause, M | C | S),
        new("export", WordKind.Stage, M | C | S),
        new("join", WordKind.Stage, M | C | S),
        // Not reserved and no NeedsMore: kwic has a column named left.
        new("left", WordKind.Stage, C | S, AsWritten: "left join"),
        new("on", WordKind.Clause, M | S),
        new("and", WordKind.Operator, R | M | C | S),
        new("or", WordKind.Operator, R | M | C | S),
        new("not", WordKind.Operator, R | M | S),
        new("in", WordKind.Operator, R | M | C | S),
        new("contains", WordKind.Operator, R | M | S),
        new("has", WordKind.Operator, R | M | S),
        new("matches", WordKind.Operator, R | M | S),
        new("startswith", WordKind.Operator, R | M | S),
        new("is", WordKind.Operator, R | M | S),
        new("null", WordKind.Literal, R | S),
        new("as", WordKind.Clause, R | M | S),
        new("asc", WordKind.SortDirection, R | S),
        new("desc", WordKind.SortDirection, R | S),
        new("read", WordKind.Source, M | S | St),
        new("kwic", WordKind.Source, M | S | St),
        new("width", WordKind.Clause, M | C | S),
        new("collocations", WordKind.Source, M | S | St),
        new("collocations", WordKind.Stage, M | S),
        new("keywords", WordKind.Source, M | S | St),
        new("cooccur", WordKind.Source, S | St),
        new("cooccur", WordKind.Stage, S),
        new("window", WordKind.Clause, M | C | S),
        new("vs", WordKind.Clause, M | C | S),
        new("all", WordKind.Clause, None),
        new("true", WordKind.Literal, R),
        new("false", WordKind.Literal, R),
        new("let", WordKind.Statement, M | St),
        new("explain", WordKind.Statement, M | St),
        new("show", WordKind.Statement, M | St),
        new("tables", WordKind.Statement, None),
        new("describe", WordKind.Statement, M | St),
        new("min", WordKind.Aggregate, None),
        new("max", WordKind.Aggregate, None),
        new("avg", WordKind.Aggregate, None),
        new("sum", WordKind.Aggregate, None),
        new("count", WordKind.Aggregate, None),
        new("count_distinct", WordKind.Aggregate, None),
        new("median", WordKind.Aggregate, None),
        new("percentile", WordKind.Aggregate, None),
        new("arg_max", WordKind.Aggregate, None),
        new("arg_min", WordKind.Aggregate, None),
        new("list", WordKind.Aggregate, None),
        new("set", WordKind.Aggregate, None),
        new("lower", WordKind.Function, None),
        new("upper", WordKind.Function, None),
        new("length", WordKind.Function, None),
        new("year", WordKind.Function, None),
        new("month", WordKind.Function, None),
        new("bucket", WordKind.Function, None),
        new("coalesce", WordKind.Function, None),
        new("substring", WordKind.Function, None),
        new("replace", WordKind.Function, None),
        new("trim", WordKind.Function, None),
        new("starts", WordKind.Function, None),
        new("ends", WordKind.Function, None),
        new("word_count", WordKind.Function, None),
        new("round", WordKind.Function, None),
        new("abs", WordKind.Function, None),
        new("floor", WordKind.Function, None),
        new("day", WordKind.Function, None),
        new("weekday", WordKind.Function, None),
        new("if", WordKind.Function, None),
        new("split", WordKind.Function, None),
        new("extract", WordKind.Function, None),
        new("date_diff", WordKind.Function, None),
        new("now", WordKind.Function, None),
        new("log", WordKind.Function, None),
        new("case", WordKind.Function, None),
        new("doc", WordKind.Qualifier, None),
        new("sent", WordKind.Qualifier, None),
        new("para", WordKind.Qualifier, None),
    ];

    /// <summary>Every distinct word, for the REPL's completion (offered wherever a word is typed) and colours.</summary>
    public static readonly IReadOnlyList<string> AllWords = Distinct(Words);

    /// <summary>The words that start a stage, as the grammar dispatches on them.</summary>
    public static readonly IReadOnlyList<string> StageWords = Distinct(Of(WordKind.Stage));

    /// <summary>The stages as a user writes them, for messages: "where, select, order by, …".</summary>
    public static readonly string StagesAsWritten = string.Join(", ", Of(WordKind.Stage).Select(w => w.AsWritten ?? w.Text));

    /// <summary>The words a mistyped keyword is compared with.</summary>
    public static readonly IReadOnlyList<string> SuggestedWords = Distinct(With(WordRoles.Suggested));

    /// <summary>The names of the scalar functions and of the aggregates, as the binder knows them.</summary>
    public static readonly IReadOnlyList<string> FunctionNames = Distinct(Of(WordKind.Function));
    public static readonly IReadOnlyList<string> AggregateNames = Distinct(Of(WordKind.Aggregate));

    static readonly HashSet<string> All = Set(Words);
    static readonly HashSet<string> Reserved = Set(With(WordRoles.Reserved));
    static readonly HashSet<string> StatementStarts = Set(With(WordRoles.StartsStatement));
    static readonly HashSet<string> NeedsMoreWords = Set(With(WordRoles.NeedsMore));
    static readonly HashSet<string> ContinuationWords = Set(With(WordRoles.Continues));

    /// <summary>Whether a word is a word of the language (for colouring).</summary>
    public static bool IsKeyword(string word) => All.Contains(word);

    /// <summary>Words that are operators, literals or sort directions, never a column name or a bare word.</summary>
    public static bool IsReserved(string word) => Reserved.Contains(word);

    /// <summary>Words that start a statement of their own (let, explain, show, describe, kwic).</summary>
    public static bool StartsStatement(string word) => StatementStarts.Contains(word);

    /// <summary>A line ending with this word is unfinished.</summary>
    public static bool NeedsMore(string word) => NeedsMoreWords.Contains(word);

    /// <summary>A line starting with this word continues the statement above.</summary>
    public static bool Continues(string word) => ContinuationWords.Contains(word);

    static IEnumerable<WordFact> Of(WordKind kind) => Words.Where(w => w.Kind == kind);
    static IEnumerable<WordFact> With(WordRoles role) => Words.Where(w => w.Has(role));
    static string[] Distinct(IEnumerable<WordFact> words) => [.. words.Select(w => w.Text).Distinct()];
    static HashSet<string> Set(IEnumerable<WordFact> words) => new(words.Select(w => w.Text), StringComparer.OrdinalIgnoreCase);
}
