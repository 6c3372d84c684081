using Cql.Engine.Diagnostics;
using Sprache;
using static Cql.Engine.Syntax.Lexemes;

namespace Cql.Engine.Syntax;

// Rules refer to rules declared further down, inside lambdas that run only when a statement is parsed, after every
// field is set. The compiler's flow analysis of the static initializer cannot see that and reports them as maybe null.
#nullable disable warnings

/// <summary>
/// The grammar of one statement, rule by rule in the order of grammar.md. Statements and stages are chosen by their
/// first word, so an unknown word gets a message naming it and the nearest keyword. Tokens come from
/// <see cref="Lexemes"/> and never consume input when they fail, which is what makes the X-combinators commit.
/// </summary>
internal static class Grammar
{
    // ---------------------------------------------------------------- statements

    /// <summary>statement = let | explain | show tables | describe | query</summary>
    public static readonly Parser<Statement> Statement = Later(() => Dispatch<Statement>(
        new()
        {
            ["let"] = Let,
            ["explain"] = Explain,
            ["show"] = ShowTables,
            ["describe"] = Describe,
        },
        otherwise: QueryStatement,
        expected: "a query (a table such as quotes, or kwic) or let, explain, show tables, describe"));

    /// <summary>let NAME = query</summary>
    static readonly Parser<Statement> Let =
        from letKw in Keyword("let")
        from name in Word
        from eq in Symbol('=')
        from query in Query
        select (Statement)new LetStatement(name, query) { Span = letKw.Span.Cover(query.Span) };

    /// <summary>explain query</summary>
    static readonly Parser<Statement> Explain =
        from explain in Keyword("explain")
        from query in Query
        select (Statement)new ExplainStatement(query) { Span = explain.Span.Cover(query.Span) };

    /// <summary>show tables</summary>
    static readonly Parser<Statement> ShowTables =
        from show in Keyword("show")
        from tables in Keyword("tables")
        select (Statement)new ShowTablesStatement { Span = show.Span.Cover(tables.Span) };

    /// <summary>describe ( NAME | STRING )</summary>
    static readonly Parser<Statement> Describe =
        from describe in Keyword("describe")
        from target in Later(() => TableOrFile)
        select (Statement)new DescribeStatement(target) { Span = describe.Span.Cover(target.Span) };

    /// <summary>A table or let by NAME, or a user's file by its path in a STRING (describe, join).</summary>
    static readonly Parser<Source> TableOrFile =
        Lexemes.String.Select(p => (Source)new ReadSource(p) { Span = p.Span })
            .XOr(Word.Select(n => (Source)new NamedSource(n) { Span = n.Span }));

    static readonly Parser<Statement> QueryStatement =
        Later(() => Query).Select(q => (Statement)new QueryStatement(q) { Span = q.Span });

    // ---------------------------------------------------------------- queries and sources

    /// <summary>query = source [where expr] { "|" stage }</summary>
    public static readonly Parser<Query> Query =
        from source in Later(() => Source)
        from whereKw in Later(() => Where).XOptional()
        from stages in Later(() => PipedStage).XMany()
        let all = whereKw.IsDefined ? new[] { whereKw.Get() }.Concat(stages).ToList() : stages.ToList()
        select new Query(source, all) { Span = all.Count > 0 ? source.Span.Cover(all[^1].Span) : source.Span };

    /// <summary>source = read | kwic | collocations | keywords | cooccur | NAME</summary>
    static readonly Parser<Source> Source = Later(() => Dispatch<Source>(
        new() { ["read"] = Read, ["kwic"] = Kwic, ["collocations"] = CollocationsSource, ["keywords"] = Keywords, ["cooccur"] = CooccurSource },
        otherwise: Word.Select(n => (Source)new NamedSource(n) { Span = n.Span }),
        expected: "a table (docs, paragraphs, sentences, tokens, quotes, entities, mentions), a let name, read \"FILE\", kwic, collocations, keywords or cooccur"));

    /// <summary>read STRING</summary>
    static readonly Parser<Source> Read =
        from read in Keyword("read")
        from path in Lexemes.String
        select (Source)new ReadSource(path) { Span = read.Span.Cover(path.Span) };

    /// <summary>kwic STRING [in NAME] [width NUMBER]</summary>
    static readonly Parser<Source> Kwic =
        from kwic in Keyword("kwic")
        from term in Lexemes.String
        from options in KwicOption.XMany()
        let table = options.LastOrDefault(o => o.Table is not null).Table
        let width = options.LastOrDefault(o => o.Width is not null).Width
        select (Source)new KwicSource(term, table, width)
        {
            Span = kwic.Span.Cover(options.Aggregate(term.Span, (s, o) => s.Cover(o.Span))),
        };

    static readonly Parser<(Name? Table, NumberLiteral? Width, TextSpan Span)> KwicOption =
        (from kw in Keyword("in") from table in Word select ((Name?)table, (NumberLiteral?)null, kw.Span.Cover(table.Span)))
        .XOr(from kw in Keyword("width") from n in Number select ((Name?)null, (NumberLiteral?)n, kw.Span.Cover(n.Span)));

    /// <summary>collocations STRING [in NAME] { window NUMBER | min NUMBER | by NAME }</summary>
    static readonly Parser<Source> CollocationsSource =
        from kw in Keyword("collocations")
        from term in Lexemes.String
        from options in CollocationsOption(allowIn: true).XMany()
        let spec = CollocationsSpecOf(term, options)
        select (Source)new CollocationsSource(spec, options.LastOrDefault(o => o.Table is not null)?.Table) { Span = kw.Span.Cover(spec.Span) };

    /// <summary>| collocations STRING { window NUMBER | min NUMBER | by NAME }</summary>
    static readonly Parser<Stage> CollocationsStage =
        from kw in Keyword("collocations")
        from term in Lexemes.String
        from options in CollocationsOption(allowIn: false).XMany()
        let spec = CollocationsSpecOf(term, options)
        select (Stage)new CollocationsStage(spec) { Span = kw.Span.Cover(spec.Span) };

    static CollocationsSpec CollocationsSpecOf(StringLiteral term, IEnumerable<CollocationsOptionValue> options)
    {
        var list = options.ToList();
        return new CollocationsSpec(term,
            list.LastOrDefault(o => o.Window is not null)?.Window,
            list.LastOrDefault(o => o.Min is not null)?.Min,
            list.LastOrDefault(o => o.By is not null)?.By)
        {
            Span = list.Aggregate(term.Span, (s, o) => s.Cover(o.Span)),
        };
    }

    sealed record CollocationsOptionValue(TextSpan Span, Name? Table = null, NumberLiteral? Window = null, NumberLiteral? Min = null, Name? By = null);

    static Parser<CollocationsOptionValue> CollocationsOption(bool allowIn)
    {
        var rest = (from kw in Keyword("window") from n in Number select new CollocationsOptionValue(kw.Span.Cover(n.Span), Window: n))
            .XOr(from kw in Keyword("min") from n in Number select new CollocationsOptionValue(kw.Span.Cover(n.Span), Min: n))
            .XOr(from kw in Keyword("by") from score in Word select new CollocationsOptionValue(kw.Span.Cover(score.Span), By: score));
        return allowIn
            ? (from kw in Keyword("in") from table in Word select new CollocationsOptionValue(kw.Span.Cover(table.Span), Table: table)).XOr(rest)
            : rest;
    }

    /// <summary>keywords [in NAME] where expr [vs where expr] [all]</summary>
    static readonly Parser<Source> Keywords =
        from kw in Keyword("keywords")
        from table in (from i in Keyword("in") from t in Word select t).XOptional()
        from whereKw in Keyword("where")
        from target in Later(() => Expr)
        from reference in (from vs in Keyword("vs") from w in Keyword("where") from e in Later(() => Expr) select e).XOptional()
        from all in Keyword("all").XOptional()
        select (Source)new KeywordsSource(table.GetOrDefault(), target, reference.GetOrDefault(), all.IsDefined)
        {
            Span = kw.Span.Cover(all.IsDefined ? all.Get().Span : reference.IsDefined ? reference.Get().Span : target.Span),
        };

    /// <summary>cooccur [in NAME]</summary>
    static readonly Parser<Source> CooccurSource =
        from kw in Keyword("cooccur")
        from unit in (from i in Keyword("in") from u in Word select u).XOptional()
        select (Source)new CooccurSource(unit.GetOrDefault()) { Span = unit.IsDefined ? kw.Span.Cover(unit.Get().Span) : kw.Span };

    /// <summary>| cooccur [in NAME]</summary>
    static readonly Parser<Stage> CooccurStage =
        from kw in Keyword("cooccur")
        from unit in (from i in Keyword("in") from u in Word select u).XOptional()
        select (Stage)new CooccurStage(unit.GetOrDefault()) { Span = unit.IsDefined ? kw.Span.Cover(unit.Get().Span) : kw.Span };

    // ---------------------------------------------------------------- stages

    static readonly Parser<Stage> PipedStage =
        from bar in Symbol('|')
        from stage in Dispatch<Stage>(
            new()
            {
                ["where"] = Where,
                ["select"] = Select,
                ["extend"] = Extend,
                ["order"] = OrderBy,
                ["limit"] = Limit,
                ["count"] = Count,
                ["group"] = GroupBy,
                ["distinct"] = Distinct,
                ["sample"] = Sample,
                ["fill"] = Fill,
                ["chart"] = Chart,
                ["export"] = Export,
                ["collocations"] = CollocationsStage,
                ["cooccur"] = CooccurStage,
                ["join"] = Join,
                ["left"] = LeftJoin,
            },
            otherwise: null,
            expected: "a stage: " + SyntaxFacts.StagesAsWritten,
            unknown: (word, stages) => DiagnosticFacts.UnknownStage(word.Span, word.Text, stages, SyntaxFacts.StagesAsWritten))
        select stage;

    /// <summary>where expr</summary>
    static readonly Parser<Stage> Where =
        from whereKw in Keyword("where")
        from condition in Expr
        select (Stage)new WhereStage(condition) { Span = whereKw.Span.Cover(condition.Span) };

    /// <summary>select item {"," item}</summary>
    static readonly Parser<Stage> Select =
        from selectKw in Keyword("select")
        from items in Items
        select (Stage)new SelectStage(items) { Span = selectKw.Span.Cover(items[^1].Span) };

    /// <summary>extend NAME "=" expr {"," NAME "=" expr} (also expr as NAME): items read as select's, the binder
    /// takes <c>NAME = expr</c> as a name and its value.</summary>
    static readonly Parser<Stage> Extend =
        from extendKw in Keyword("extend")
        from items in Items
        select (Stage)new ExtendStage(items) { Span = extendKw.Span.Cover(items[^1].Span) };

    /// <summary>order by key {"," key}, key = expr [asc | desc]</summary>
    static readonly Parser<Stage> OrderBy =
        from order in Keyword("order")
        from byKw in Keyword("by")
        from keys in OrderKey.XDelimitedBy(Symbol(','))
        let list = keys.ToList()
        select (Stage)new OrderByStage(list) { Span = order.Span.Cover(list[^1].Span) };

    static readonly Parser<OrderKey> OrderKey =
        from e in Later(() => Expr)
        from dir in Keyword("asc").XOr(Keyword("desc")).XOptional()
        select new OrderKey(e, dir.IsDefined && dir.Get().Text == "desc") { Span = dir.IsDefined ? e.Span.Cover(dir.Get().Span) : e.Span };

    /// <summary>limit NUMBER [by item {"," item}]</summary>
    static readonly Parser<Stage> Limit =
        from limit in Keyword("limit")
        from n in Number
        from keys in (from byKw in Keyword("by") from items in Items select items).XOptional()
        let list = keys.GetOrElse([])
        select (Stage)new LimitStage(n, list) { Span = limit.Span.Cover(list.Count > 0 ? list[^1].Span : n.Span) };

    /// <summary>join ( NAME | STRING ) on operand ["=" operand] [as NAME]</summary>
    static readonly Parser<Stage> Join =
        from joinKw in Keyword("join")
        from rest in JoinRest(joinKw.Span, left: false)
        select rest;

    /// <summary>left join ( NAME | STRING ) on operand ["=" operand] [as NAME]</summary>
    static readonly Parser<Stage> LeftJoin =
        from leftKw in Keyword("left")
        from joinKw in Keyword("join")
        from rest in JoinRest(leftKw.Span, left: true)
        select rest;

    static Parser<Stage> JoinRest(TextSpan start, bool left) =>
        from rows in TableOrFile
        from onKw in Keyword("on")
        from key in Later(() => Operand)
        from other in (from eq in Lexemes.ComparisonOperator.Where(o => o.Op == BinaryOp.Eq) from k in Later(() => Operand) select k).XOptional()
        from alias in Alias.XOptional()
        let end = alias.IsDefined ? alias.Get().Span : other.IsDefined ? other.Get().Span : key.Span
        select (Stage)new JoinStage(rows, key, other.GetOrDefault(), alias.GetOrDefault(), left) { Span = start.Cover(end) };

    /// <summary>count [distinct expr] [by item {"," item}]</summary>
    static readonly Parser<Stage> Count =
        from count in Keyword("count")
        from value in (from distinct in Keyword("distinct") from e in Later(() => Expr) select e).XOptional()
        from keys in (from byKw in Keyword("by") from items in Items select items).XOptional()
        let list = keys.GetOrElse([])
        let end = list.Count > 0 ? list[^1].Span : value.IsDefined ? value.Get().Span : count.Span
        select (Stage)new CountStage(list, value.GetOrDefault()) { Span = count.Span.Cover(end) };

    /// <summary>group by item {"," item} aggregate agg {"," agg}</summary>
    static readonly Parser<Stage> GroupBy =
        from g in Keyword("group")
        from byKw in Keyword("by")
        from keys in Items
        from aggregate in Keyword("aggregate")
        from aggs in Aggregate.XDelimitedBy(Symbol(','))
        let list = aggs.ToList()
        select (Stage)new GroupByStage(keys, list) { Span = g.Span.Cover(list[^1].Span) };

    /// <summary>agg = NAME "(" [expr {"," expr}] ")" [as NAME]</summary>
    static readonly Parser<AggregateItem> Aggregate =
        from fn in Word
        from open in Symbol('(')
        from arg in Later(() => Expr).XOptional()
        from more in (from comma in Symbol(',') from e in Later(() => Expr) select e).XMany()
        from close in Symbol(')')
        from alias in Alias.XOptional()
        select new AggregateItem(fn, arg.GetOrDefault(), alias.GetOrDefault())
        {
            More = [.. more],
            Span = fn.Span.Cover(alias.IsDefined ? alias.Get().Span : close),
        };

    /// <summary>distinct [item {"," item}]</summary>
    static readonly Parser<Stage> Distinct =
        from distinct in Keyword("distinct")
        from items in Items.XOptional()
        let list = items.GetOrElse([])
        select (Stage)new DistinctStage(list) { Span = list.Count > 0 ? distinct.Span.Cover(list[^1].Span) : distinct.Span };

    /// <summary>sample NUMBER [seed NUMBER]</summary>
    static readonly Parser<Stage> Sample =
        from sample in Keyword("sample")
        from n in Number
        from seed in (from kw in Keyword("seed") from s in Number select s).XOptional()
        select (Stage)new SampleStage(n, seed.GetOrDefault()) { Span = sample.Span.Cover(seed.IsDefined ? seed.Get().Span : n.Span) };

    /// <summary>fill [NAME]</summary>
    static readonly Parser<Stage> Fill =
        from fill in Keyword("fill")
        from column in Word.XOptional()
        select (Stage)new FillStage(column.GetOrDefault()) { Span = column.IsDefined ? fill.Span.Cover(column.Get().Span) : fill.Span };

    /// <summary>chart NAME { x NAME | y NAME {"," NAME} | by NAME | title STRING }</summary>
    static readonly Parser<Stage> Chart =
        from chart in Keyword("chart")
        from kind in Word.Named("a chart kind (bar, line, area, hist)")
        from options in ChartOption.XMany()
        let list = options.ToList()
        select (Stage)new ChartStage(kind,
            list.LastOrDefault(o => o.Word == "x").Columns?[0],
            list.LastOrDefault(o => o.Word == "y").Columns ?? [],
            list.LastOrDefault(o => o.Word == "by").Columns?[0],
            list.LastOrDefault(o => o.Word == "title").Title)
        {
            Span = chart.Span.Cover(list.Count > 0 ? list[^1].Span : kind.Span),
        };

    static readonly Parser<(string Word, List<Name>? Columns, StringLiteral? Title, TextSpan Span)> ChartOption =
        (from kw in Keyword("x") from col in Word select ("x", (List<Name>?)[col], (StringLiteral?)null, kw.Span.Cover(col.Span)))
        .XOr(from kw in Keyword("y") from cols in Word.XDelimitedBy(Symbol(',')) let l = cols.ToList()
             select ("y", (List<Name>?)l, (StringLiteral?)null, kw.Span.Cover(l[^1].Span)))
        .XOr(from kw in Keyword("by") from col in Word select ("by", (List<Name>?)[col], (StringLiteral?)null, kw.Span.Cover(col.Span)))
        .XOr(from kw in Keyword("title") from t in Lexemes.String select ("title", (List<Name>?)null, (StringLiteral?)t, kw.Span.Cover(t.Span)));

    /// <summary>export STRING</summary>
    static readonly Parser<Stage> Export =
        from export in Keyword("export")
        from path in Lexemes.String
        select (Stage)new ExportStage(path) { Span = export.Span.Cover(path.Span) };

    /// <summary>item {"," item}, item = expr [as NAME]</summary>
    static readonly Parser<List<SelectItem>> Items =
        Later(() => Item).XDelimitedBy(Symbol(',')).Select(i => i.ToList());

    static readonly Parser<SelectItem> Item =
        from e in Later(() => Expr)
        from alias in Alias.XOptional()
        select new SelectItem(e, alias.GetOrDefault()) { Span = alias.IsDefined ? e.Span.Cover(alias.Get().Span) : e.Span };

    static readonly Parser<Name> Alias = from kw in Keyword("as") from name in Word select name;

    // ---------------------------------------------------------------- expressions

    /// <summary>expr = and {"or" and}</summary>
    public static readonly Parser<SyntaxExpr> Expr = Later(() => ChainLeft(AndExpr, Keyword("or"), BinaryOp.Or));

    /// <summary>and = not {"and" not}</summary>
    static readonly Parser<SyntaxExpr> AndExpr = Later(() => ChainLeft(NotExpr, Keyword("and"), BinaryOp.And));

    /// <summary>not = "not" not | predicate</summary>
    static readonly Parser<SyntaxExpr> NotExpr =
        (from notKw in Keyword("not")
         from operand in Later(() => NotExpr)
         select (SyntaxExpr)new NotExpr(operand) { Span = notKw.Span.Cover(operand.Span) })
        .XOr(Later(() => Predicate));

    /// <summary>
    /// predicate = operand [ cmp operand | is [not] null | [not] in "(" operand {"," operand} ")"
    ///                     | [not] (contains | has | matches | startswith) operand ]
    /// </summary>
    static readonly Parser<SyntaxExpr> Predicate = input =>
    {
        var left = Operand(input);
        if (!left.WasSuccessful) return left;
        var l = left.Value;
        var at = left.Remainder;

        var cmp = ComparisonOperator(at);
        if (cmp.WasSuccessful)
        {
            var right = Operand(cmp.Remainder);
            if (!right.WasSuccessful) return right;
            return Result.Success<SyntaxExpr>(new BinaryExpr(cmp.Value.Op, l, right.Value) { Span = l.Span.Cover(right.Value.Span) }, right.Remainder);
        }

        var isKw = Keyword("is")(at);
        if (isKw.WasSuccessful)
        {
            var not = Keyword("not")(isKw.Remainder);
            var nul = Keyword("null")(not.WasSuccessful ? not.Remainder : isKw.Remainder);
            if (!nul.WasSuccessful) return Result.Failure<SyntaxExpr>(nul.Remainder, "expected 'null'", ["'null' (is null, is not null)"]);
            return Result.Success<SyntaxExpr>(new IsNullExpr(l, not.WasSuccessful) { Span = l.Span.Cover(nul.Value.Span) }, nul.Remainder);
        }

        var negation = Keyword("not")(at);
        var opAt = negation.WasSuccessful ? negation.Remainder : at;
        var opWord = Word(opAt);
        if (opWord.WasSuccessful)
        {
            bool negated = negation.WasSuccessful;
            switch (opWord.Value.Text.ToLowerInvariant())
            {
                case "in":
                {
                    // in NAME[.COLUMN] (a let or table), in (QUERY), else the list of values.
                    var named = LetColumn(opWord.Remainder);
                    if (named.WasSuccessful)
                    {
                        var (source, column) = named.Value;
                        var query = new Query(source, []) { Span = source.Span };
                        return Result.Success<SyntaxExpr>(new InQueryExpr(l, query, column, negated) { Span = l.Span.Cover(column?.Span ?? source.Span) }, named.Remainder);
                    }
                    var list = ValueList(opWord.Remainder);
                    if (list.WasSuccessful)
                        return Result.Success<SyntaxExpr>(new InExpr(l, list.Value.Values, negated) { Span = l.Span.Cover(list.Value.Close) }, list.Remainder);
                    var sub = Subquery(opWord.Remainder);
                    if (sub.WasSuccessful)
                        return Result.Success<SyntaxExpr>(new InQueryExpr(l, sub.Value.Query, null, negated) { Span = l.Span.Cover(sub.Value.Close) }, sub.Remainder);
                    // Report the failure that got further: a broken list of values or a broken query.
                    return sub.Remainder.Position > list.Remainder.Position
                        ? Result.Failure<SyntaxExpr>(sub.Remainder, sub.Message, sub.Expectations)
                        : Result.Failure<SyntaxExpr>(list.Remainder, list.Message, list.Expectations);
                }
                case "contains" or "has" or "matches" or "startswith":
                {
                    var op = opWord.Value.Text.ToLowerInvariant() switch
                    {
                        "contains" => TextOperator.Contains,
                        "has" => TextOperator.Has,
                        "matches" => TextOperator.Matches,
                        _ => TextOperator.StartsWith,
                    };
                    var pattern = Operand(opWord.Remainder);
                    if (!pattern.WasSuccessful) return pattern;
                    return Result.Success<SyntaxExpr>(new TextPredicateExpr(op, l, pattern.Value, negated) { Span = l.Span.Cover(pattern.Value.Span) }, pattern.Remainder);
                }
            }
        }
        if (negation.WasSuccessful)
            return Result.Failure<SyntaxExpr>(opAt, "expected in, contains, has, matches or startswith after 'not'",
                ["in, contains, has, matches or startswith after 'not'"]);
        return Result.Success(l, at);
    };

    /// <summary>NAME ["." NAME] right after in, without parentheses: the rows of a let (or table), and a column.</summary>
    static readonly Parser<(Source Source, Name? Column)> LetColumn =
        from name in Word
        from column in (from dot in Symbol('.') from c in Word select c).XOptional()
        select ((Source)new NamedSource(name) { Span = name.Span }, column.GetOrDefault());

    /// <summary>"(" query ")" after in.</summary>
    static readonly Parser<(Query Query, TextSpan Close)> Subquery =
        from open in Symbol('(')
        from query in Later(() => Query)
        from close in Symbol(')')
        select (query, close);

    static readonly Parser<(List<SyntaxExpr> Values, TextSpan Close)> ValueList =
        from open in Symbol('(')
        from values in Later(() => Operand).XDelimitedBy(Symbol(','))
        from close in Symbol(')')
        select (values.ToList(), close);

    /// <summary>operand = STRING | DATE | NUMBER | true | false | null | NAME ["." NAME] | NAME "(" [expr {"," expr}] ")" | "(" expr ")"</summary>
    static readonly Parser<SyntaxExpr> Operand = input =>
    {
        const string expected = "a value (\"text\", a number, a date), a column or '('";
        if (input.AtEnd) return Result.Failure<SyntaxExpr>(input, "expected " + expected, [expected]);
        char c = input.Current;
        if (c == '(') return Parenthesized(input);
        if (c is '"' or '\'') return Lexemes.String(input).Select<StringLiteral, SyntaxExpr>();
        if (c is >= '0' and <= '9' || (c == '-' && input.Position + 1 < input.Source.Length && input.Source[input.Position + 1] is >= '0' and <= '9'))
        {
            // A date, or a malformed date (reported, no expectations); anything else is a number.
            var date = Date(input);
            if (date.WasSuccessful || !date.Expectations.Any()) return date.Select<DateLiteral, SyntaxExpr>();
            return Number(input).Select<NumberLiteral, SyntaxExpr>();
        }
        var word = Word(input);
        if (!word.WasSuccessful) return Result.Failure<SyntaxExpr>(input, "expected " + expected, [expected]);
        var w = word.Value;
        switch (w.Text.ToLowerInvariant())
        {
            case "true": return Result.Success<SyntaxExpr>(new BoolLiteral(true) { Span = w.Span }, word.Remainder);
            case "false": return Result.Success<SyntaxExpr>(new BoolLiteral(false) { Span = w.Span }, word.Remainder);
            case "null": return Result.Success<SyntaxExpr>(new NullLiteral { Span = w.Span }, word.Remainder);
        }
        if (SyntaxFacts.IsReserved(w.Text)) return Result.Failure<SyntaxExpr>(input, "expected " + expected, [expected]);
        return NameOrCall(w)(word.Remainder);
    };

    static Parser<SyntaxExpr> NameOrCall(Name first) => input =>
    {
        var dot = Symbol('.')(input);
        if (dot.WasSuccessful)
        {
            var member = Word(dot.Remainder);
            if (!member.WasSuccessful) return Result.Failure<SyntaxExpr>(member.Remainder, "expected a field name after '.'", ["a field name after '.' (doc.title)"]);
            return Result.Success<SyntaxExpr>(new NameExpr(first, member.Value) { Span = first.Span.Cover(member.Value.Span) }, member.Remainder);
        }
        var open = Symbol('(')(input);
        if (open.WasSuccessful)
        {
            var args = Expr.XDelimitedBy(Symbol(',')).XOptional()(open.Remainder);
            if (!args.WasSuccessful) return Result.Failure<SyntaxExpr>(args.Remainder, args.Message, args.Expectations);
            var close = Symbol(')')(args.Remainder);
            if (!close.WasSuccessful) return Result.Failure<SyntaxExpr>(close.Remainder, close.Message, [.. close.Expectations, "','"]);
            var list = args.Value.GetOrElse([]).ToList();
            return Result.Success<SyntaxExpr>(new CallExpr(first, list) { Span = first.Span.Cover(close.Value) }, close.Remainder);
        }
        return Result.Success<SyntaxExpr>(new NameExpr(null, first) { Span = first.Span }, input);
    };

    static readonly Parser<SyntaxExpr> Parenthesized =
        from open in Symbol('(')
        from e in Later(() => Expr)
        from close in Symbol(')')
        select e;

    /// <summary>
    /// operand {op operand}; an operator commits to its right operand. And and or are associative, so a chain is
    /// built as a balanced tree: a generated query joining 100,000 conditions is 17 levels deep, not 100,000, and
    /// nothing downstream (binder, optimiser, evaluator) recurses deeper than that.
    /// </summary>
    static Parser<SyntaxExpr> ChainLeft(Parser<SyntaxExpr> operand, Parser<Name> op, BinaryOp kind) => input =>
    {
        var first = operand(input);
        if (!first.WasSuccessful) return first;
        var operands = new List<SyntaxExpr> { first.Value };
        var rest = first.Remainder;
        while (true)
        {
            var o = op(rest);
            if (!o.WasSuccessful) break;
            var right = operand(o.Remainder);
            if (!right.WasSuccessful) return right;
            operands.Add(right.Value);
            rest = right.Remainder;
        }
        return Result.Success(Balanced(operands, 0, operands.Count, kind), rest);
    };

    static SyntaxExpr Balanced(List<SyntaxExpr> operands, int from, int to, BinaryOp kind)
    {
        if (to - from == 1) return operands[from];
        int mid = from + (to - from) / 2;
        var left = Balanced(operands, from, mid, kind);
        var right = Balanced(operands, mid, to, kind);
        return new BinaryExpr(kind, left, right) { Span = left.Span.Cover(right.Span) };
    }

    // ---------------------------------------------------------------- dispatch on the first word

    /// <summary>
    /// Looks at the word at the input without consuming it and runs the parser its keyword names (each of which
    /// starts by reading that keyword). Any other word goes to <paramref name="otherwise"/>, or, when there is none,
    /// fails with <paramref name="unknown"/>'s diagnostic at the word.
    /// </summary>
    static Parser<T> Dispatch<T>(Dictionary<string, Parser<T>> byKeyword, Parser<T>? otherwise, string expected,
        Func<Name, IReadOnlyCollection<string>, Diagnostic>? unknown = null) => input =>
    {
        var word = Word(input);
        if (word.WasSuccessful)
        {
            if (byKeyword.TryGetValue(word.Value.Text.ToLowerInvariant(), out var parser)) return parser(input);
            if (otherwise is not null) return otherwise(input);
            if (unknown is not null) return Reported<T>(input, unknown(word.Value, byKeyword.Keys));
        }
        return Result.Failure<T>(input, "expected " + expected, [expected]);
    };

    /// <summary>A reference to a rule defined further down (rules refer to each other). Unlike Parse.Ref it keeps
    /// no memo on the input, which in Sprache throws when a rule that failed is tried again at the same place.</summary>
    static Parser<T> Later<T>(Func<Parser<T>> rule)
    {
        Parser<T>? p = null;
        return input => (p ??= rule())(input);
    }
}

/// <summary>Small adapters for Sprache results.</summary>
internal static class ResultExtensions
{
    /// <summary>The same result with its value seen as a base type.</summary>
    public static IResult<TBase> Select<T, TBase>(this IResult<T> r) where T : TBase =>
        r.WasSuccessful ? Result.Success<TBase>(r.Value, r.Remainder) : Result.Failure<TBase>(r.Remainder, r.Message, r.Expectations);
}
