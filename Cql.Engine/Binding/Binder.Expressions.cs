using Cql.Engine.Diagnostics;
using Cql.Engine.Planning;
using Cql.Engine.Syntax;
using System.Globalization;

namespace Cql.Engine.Binding;

public sealed partial class Binder
{
    static bool IsSpeakerColumn(Expr e, QueryState s) => e is ColumnRef c && s.EntityNameColumns.Contains(c.Name);

    Expr BindCondition(SyntaxExpr e, QueryState s)
    {
        var bound = BindExpr(e, s);
        if (bound.Type != ColumnType.Bool) throw new BindError(DiagnosticFacts.NotACondition(e.Span, TypeName(bound.Type)));
        return bound;
    }

    Expr BindExpr(SyntaxExpr e, QueryState s) => e switch
    {
        NameExpr n => BindName(n, s),
        StringLiteral str => Literal.Of(str.Value),
        NumberLiteral num => NumberValue(num),
        DateLiteral d => new Literal(d.Iso, ColumnType.Date),
        BoolLiteral b => Literal.Of(b.Value),
        NullLiteral => new Literal(null, ColumnType.String),
        BinaryExpr { Op: BinaryOp.And } a => new And(BindCondition(a.Left, s), BindCondition(a.Right, s)),
        BinaryExpr { Op: BinaryOp.Or } o => new Or(BindCondition(o.Left, s), BindCondition(o.Right, s)),
        BinaryExpr c => BindComparison(c, s),
        NotExpr n => new Not(BindCondition(n.Operand, s)),
        InExpr i => IsRowsInParentheses(i, s, out var rows, out var column)
            ? BindInQuery(i.Operand, rows, column, i.Negated, i.Span, s) : BindIn(i, s),
        InQueryExpr q => BindInQuery(q.Operand, q.Query, q.Column, q.Negated, q.Span, s),
        TextPredicateExpr t => BindTextPredicate(t, s),
        IsNullExpr n => new IsNull(BindExpr(n.Operand, s), n.Negated),
        CallExpr c => BindCall(c, s),
        _ => throw new NotSupportedException(e.GetType().Name),
    };

    static Literal NumberValue(NumberLiteral n) =>
        !n.IsInteger ? Literal.Of(n.Value)
        : n.Value is >= int.MinValue and <= int.MaxValue ? Literal.Of((int)n.Value)
        : new Literal((long)n.Value, ColumnType.Int64);

    // ---------------------------------------------------------------- names

    static ResultColumn? FindColumn(QueryState s, string name)
    {
        ResultColumn? insensitive = null;
        foreach (var c in s.Plan.Schema)
        {
            if (c.Name == name) return c;
            if (insensitive is null && string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)) insensitive = c;
        }
        return insensitive;
    }

    Expr BindName(NameExpr n, QueryState s)
    {
        if (n.Qualifier is null)
        {
            if (FindColumn(s, n.Name.Text) is { } c) return new ColumnRef(c.Name, c.Type);
            throw new BindError(DiagnosticFacts.UnknownColumn(n.Span, n.Name.Text, s.Description, [.. s.Plan.Schema.Select(x => x.Name)]));
        }
        var field = n.Name.Text;
        // A column already named Q.FIELD (a join stage brought it, a navigation joined it, a select kept the name) is
        // that column.
        if (FindColumn(s, n.Qualifier.Text + "." + field) is { } joined) return new ColumnRef(joined.Name, joined.Type);
        if (ContextLink.Find(n.Qualifier.Text) is { } link) return BindNavigation(n, link, s);
        var joins = JoinNames(s);
        if (joins.FirstOrDefault(j => j.Equals(n.Qualifier.Text, StringComparison.OrdinalIgnoreCase)) is { } join)
            throw new BindError(DiagnosticFacts.UnknownColumn(n.Name.Span, field, join,
                [.. s.Plan.Schema.Where(c => c.Name.StartsWith(join + ".", StringComparison.Ordinal)).Select(c => c.Name[(join.Length + 1)..])]));
        throw new BindError(DiagnosticFacts.UnknownQualifier(n.Qualifier.Span, n.Qualifier.Text, joins));
    }

    /// <summary>doc.FIELD, sent.FIELD, para.FIELD: the field of the row the row's id links to. The planner joins the
    /// linked table on below the stage that uses it (PlanStages.WithDocs).</summary>
    Expr BindNavigation(NameExpr n, ContextLink link, QueryState s)
    {
        var field = n.Name.Text;
        var target = link.Table.Find(field)
            ?? throw new BindError(DiagnosticFacts.UnknownDocField(n.Name.Span, field, [.. link.Table.Columns.Select(c => c.Name)],
                link == ContextLink.Doc ? "documents" : link.Table.Name));
        if (link == ContextLink.Doc && s.RowsAreDocs && FindColumn(s, target.Name) is { } own) return new ColumnRef(own.Name, own.Type);
        if (FindColumn(s, link.Key) is not { } key)
            throw new BindError(DiagnosticFacts.NoIdToNavigate(n.Span, $"{link.Qualifier}.{field}", link.Key, [.. s.Plan.Schema.Select(x => x.Name)]));
        // The linked row's id is the row's own: no join needed (and the join does not repeat it).
        if (target.Name == link.Key) return new ColumnRef(key.Name, key.Type);
        return new ColumnRef(link.Prefix + target.Name, target.Type);
    }

    /// <summary>The names of the joins whose columns the rows carry (entities for entities.kind): every qualifier of a
    /// column name that is not a navigation.</summary>
    static List<string> JoinNames(QueryState s)
    {
        var names = new List<string>();
        foreach (var c in s.Plan.Schema)
            if (c.Name.IndexOf('.') is > 0 and var dot && ContextLink.OfColumn(c.Name) is null && !names.Contains(c.Name[..dot]))
                names.Add(c.Name[..dot]);
        return names;
    }

    static bool IsColumn(SyntaxExpr e, QueryState s) => e is NameExpr n && (n.Qualifier is not null || FindColumn(s, n.Name.Text) is not null);

    /// <summary>A value position (right of a comparison, in a list, a pattern): a bare word that names no column is
    /// a symbol, the text it spells (lang = de).</summary>
    Expr BindValue(SyntaxExpr e, QueryState s)
    {
        if (e is NameExpr { Qualifier: null } n && FindColumn(s, n.Name.Text) is null)
        {
            // Say so when the word is one letter away from a column: it may be a typo, not a symbol.
            if (NameSuggester.Nearest(n.Name.Text, s.Plan.Schema.Select(c => c.Name)) is not null)
                _notes.Add(DiagnosticFacts.SymbolRead(n.Span, n.Name.Text));
            return Literal.Of(n.Name.Text);
        }
        return BindExpr(e, s);
    }

    // ---------------------------------------------------------------- comparisons

    Expr BindComparison(BinaryExpr b, QueryState s)
    {
        var op = b.Op switch
        {
            BinaryOp.Eq => CompareOp.Eq, BinaryOp.NotEq => CompareOp.NotEq, BinaryOp.Lt => CompareOp.Lt,
            BinaryOp.LtEq => CompareOp.LtEq, BinaryOp.Gt => CompareOp.Gt, _ => CompareOp.GtEq,
        };
        if (b.Left is NullLiteral || b.Right is NullLiteral) throw new BindError(DiagnosticFacts.CompareWithNull(b.Span, op == CompareOp.NotEq));

        // "de = lang" reads like "lang = de": a bare word on the left is a symbol when the right is a column.
        bool leftIsSymbol = b.Left is NameExpr { Qualifier: null } && !IsColumn(b.Left, s) && IsColumn(b.Right, s);
        var left = leftIsSymbol ? BindValue(b.Left, s) : BindExpr(b.Left, s);
        var right = BindValue(b.Right, s);
        if (left is Literal && right is not Literal) (left, right, op) = (right, left, Compare.Flip(op));

        if (left.Type == ColumnType.Date && right is Literal lit && AsDate(lit) is { } iso)
            return DateComparison(op, left, iso);
        if (IsSpeakerColumn(left, s) && right is Literal { Value: string name } && op is CompareOp.Eq or CompareOp.NotEq)
        {
            var names = ResolveSpeaker(name, b.Right.Span);
            if (names.Count > 1)
            {
                var inList = new InList(left, [.. names.Select(Literal.Of)]);
                return op == CompareOp.Eq ? inList : new Not(inList);
            }
            right = Literal.Of(names[0]);
        }
        if (!Comparable(left.Type, right.Type))
            throw new BindError(DiagnosticFacts.CannotCompare(b.Span, Describe(b.Left), TypeName(left.Type), Describe(b.Right), TypeName(right.Type)));
        return new Compare(op, left, right);
    }

    /// <summary>The canonical names a written speaker stands for, noted for explain; the name itself when unknown.</summary>
    IReadOnlyList<string> ResolveSpeaker(string written, TextSpan span)
    {
        var names = _catalog.Speakers.Resolve(written);
        if (names.Count == 0)
        {
            _notes.Add(DiagnosticFacts.SpeakerUnknown(span, written));
            return [written];
        }
        if (names.Count > 1 || names[0] != written) _notes.Add(DiagnosticFacts.SpeakerResolved(span, written, names));
        return names;
    }

    // ---------------------------------------------------------------- dates

    /// <summary>The ISO date a literal stands for where it meets a date column: a date, a string in date form, or a
    /// four-digit year; null when it is none of these (it is then compared as text or rejected by type).</summary>
    static string? AsDate(Literal lit) => lit.Value switch
    {
        string s when IsIsoDate(s) => s,
        int y when y is >= 1000 and <= 9999 => y.ToString(CultureInfo.InvariantCulture),
        _ => null,
    };

    static bool IsIsoDate(string s) =>
        s.Length is 4 or 7 or 10 && s.All(c => char.IsAsciiDigit(c) || c == '-')
        && (s.Length == 4 || s[4] == '-') && (s.Length < 10 || s[7] == '-');

    /// <summary>
    /// Dates keep the precision they were written with, and a partial date means the whole period: date = 2022-06
    /// is every day of June 2022, date &lt;= 2022 is anything up to the end of 2022. Stored dates are ISO strings,
    /// so each of these becomes a range of string comparisons (which row-group statistics can prune). A stored date
    /// known only to the month sorts before the days of that month.
    /// </summary>
    static Expr DateComparison(CompareOp op, Expr column, string iso)
    {
        var from = new Literal(iso, ColumnType.Date);
        if (iso.Length == 10) return new Compare(op, column, from);
        var next = new Literal(NextPeriod(iso), ColumnType.Date);
        return op switch
        {
            CompareOp.Eq => new And(new Compare(CompareOp.GtEq, column, from), new Compare(CompareOp.Lt, column, next)),
            CompareOp.NotEq => new Not(new And(new Compare(CompareOp.GtEq, column, from), new Compare(CompareOp.Lt, column, next))),
            CompareOp.Lt => new Compare(CompareOp.Lt, column, from),
            CompareOp.GtEq => new Compare(CompareOp.GtEq, column, from),
            CompareOp.LtEq => new Compare(CompareOp.Lt, column, next),
            _ => new Compare(CompareOp.GtEq, column, next),
        };
    }

    /// <summary>The start of the next year or month: 2022 → 2023, 2022-06 → 2022-07, 2022-12 → 2023-01.</summary>
    static string NextPeriod(string iso)
    {
        int year = int.Parse(iso.AsSpan(0, 4), CultureInfo.InvariantCulture);
        if (iso.Length == 4) return (year + 1).ToString("D4", CultureInfo.InvariantCulture);
        int month = int.Parse(iso.AsSpan(5, 2), CultureInfo.InvariantCulture);
        return month == 12 ? $"{year + 1:D4}-01" : $"{year:D4}-{month + 1:D2}";
    }

    // ---------------------------------------------------------------- in, text predicates

    Expr BindIn(InExpr i, QueryState s)
    {
        var operand = BindExpr(i.Operand, s);
        var values = new List<Literal>();
        var dateRanges = new List<Expr>();
        foreach (var v in i.Values)
        {
            if (BindValue(v, s) is not Literal lit) throw new BindError(DiagnosticFacts.MixedList(v.Span));
            if (lit.Value is null) { values.Add(lit); continue; }
            if (operand.Type == ColumnType.Date && AsDate(lit) is { } iso)
            {
                if (iso.Length == 10) values.Add(new Literal(iso, ColumnType.Date));
                else dateRanges.Add(DateComparison(CompareOp.Eq, operand, iso));
                continue;
            }
            if (!Comparable(operand.Type, lit.Type))
                throw new BindError(DiagnosticFacts.CannotCompare(v.Span, Describe(i.Operand), TypeName(operand.Type), Describe(v), TypeName(lit.Type)));
            if (IsSpeakerColumn(operand, s) && lit.Value is string name)
                foreach (var n in ResolveSpeaker(name, v.Span)) values.Add(Literal.Of(n));
            else values.Add(lit);
        }
        Expr result = values.Count > 0 ? new InList(operand, values) : dateRanges[0];
        foreach (var r in values.Count > 0 ? dateRanges : dateRanges.Skip(1)) result = new Or(result, r);
        return i.Negated ? new Not(result) : result;
    }

    Expr BindTextPredicate(TextPredicateExpr t, QueryState s)
    {
        var op = t.Op switch
        {
            TextOperator.Contains => TextOp.Contains, TextOperator.Has => TextOp.Has,
            TextOperator.Matches => TextOp.Matches, _ => TextOp.StartsWith,
        };
        var opName = t.Op.ToString().ToLowerInvariant();
        var operand = BindExpr(t.Operand, s);
        if (operand.Type is not (ColumnType.String or ColumnType.Date))
            throw new BindError(DiagnosticFacts.TextOperatorNeedsText(t.Operand.Span, opName, TypeName(operand.Type)));
        if (BindValue(t.Pattern, s) is not Literal { Value: string pattern })
            throw new BindError(DiagnosticFacts.PatternMustBeText(t.Pattern.Span, opName));
        if (op == TextOp.Matches)
        {
            try { _ = RegexPatterns.Get(pattern); }
            catch (ArgumentException e) { throw new BindError(DiagnosticFacts.BadRegex(t.Pattern.Span, e.Message)); }
        }
        Expr result = new TextMatch(op, operand, pattern);
        return t.Negated ? new Not(result) : result;
    }

    // ---------------------------------------------------------------- types

    static bool IsNumeric(ColumnType t) => t is ColumnType.Int32 or ColumnType.Int64 or ColumnType.Float64;

    static bool Comparable(ColumnType a, ColumnType b) =>
        (IsNumeric(a) && IsNumeric(b))
        || (a is ColumnType.String or ColumnType.Date && b is ColumnType.String or ColumnType.Date)
        || (a == ColumnType.Bool && b == ColumnType.Bool);

    /// <summary>Whether a key of one type can equal keys of the other in a join or a semi-join: comparable, and not
    /// true/false (two values cannot tell rows apart).</summary>
    static bool KeysMatch(ColumnType key, ColumnType other) => key != ColumnType.Bool && Comparable(key, other);

    static string TypeName(ColumnType t) => t switch
    {
        ColumnType.Int32 or ColumnType.Int64 or ColumnType.Float64 => "number",
        ColumnType.String => "text",
        ColumnType.Date => "date",
        _ => "true/false",
    };

    static string Describe(SyntaxExpr e) => e switch
    {
        NameExpr n => $"'{n.FullName}'",
        LiteralExpr l => l.ToString() ?? "a value",
        _ => "this expression",
    };
}
