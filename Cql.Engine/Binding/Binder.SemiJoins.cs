using Cql.Engine.Diagnostics;
using Cql.Engine.Planning;
using Cql.Engine.Syntax;

namespace Cql.Engine.Binding;

public sealed partial class Binder
{
    /// <summary>
    /// X in NAME[.COLUMN] / X in (QUERY): X among the values of one column of the other query's rows. The column is
    /// the one named, else the other rows' column of X's own name (doc_id in xidocs), else their only column.
    /// </summary>
    Expr BindInQuery(SyntaxExpr operandSyntax, Query query, Name? columnName, bool negated, TextSpan span, QueryState s)
    {
        var operand = BindExpr(operandSyntax, s);
        if (query is { Source: NamedSource { Name: var source }, Stages.Count: 0 }
            && _catalog.FindLet(source.Text) is null && _catalog.FindTable(source.Text) is null)
            throw new BindError(DiagnosticFacts.InNeedsRows(source.Span, source.Text, _catalog.SourceNames));
        var sub = BindQuery(query);
        if (sub.Export is not null) throw new BindError(DiagnosticFacts.ExportNotLast(query.Stages[^1].Span));
        var columns = sub.Plan.Schema;
        // A let or table is named by its name; a query in parentheses has none, so its column is chosen by a select.
        string? rowsName = query is { Source: NamedSource { Name: var n }, Stages.Count: 0 } ? n.Text : null;
        ResultColumn column;
        if (columnName is not null)
        {
            column = FindColumn(sub, columnName.Text)
                ?? throw new BindError(DiagnosticFacts.UnknownColumn(columnName.Span, columnName.Text, sub.Description, [.. columns.Select(c => c.Name)]));
        }
        else
        {
            var own = operand is ColumnRef c ? c.Name[(ContextLink.OfColumn(c.Name)?.Prefix.Length ?? 0)..] : null;
            column = (own is null ? null : FindColumn(sub, own))
                ?? (columns.Count == 1 ? columns[0]
                    : throw new BindError(DiagnosticFacts.InWhichColumn(query.Span, rowsName, Describe(operandSyntax), [.. columns.Select(x => x.Name)])));
        }
        var label = $"{rowsName ?? "(…)"}.{column.Name}";
        if (!KeysMatch(operand.Type, column.Type))
            throw new BindError(DiagnosticFacts.SemiJoinKeyTypes(span, Describe(operandSyntax), TypeName(operand.Type), label, TypeName(column.Type),
                [.. columns.Where(x => KeysMatch(operand.Type, x.Type)).Select(x => x.Name)]));
        Expr result = new InSubquery(operand, sub.Plan, column.Name, label);
        return negated ? new Not(result) : result;
    }

    /// <summary>in (NAME) or in (NAME.COLUMN) where NAME is a let or a table and not a column of the rows: the rows
    /// of NAME, as in NAME without the parentheses (a let shadows the symbol it would otherwise be).</summary>
    bool IsRowsInParentheses(InExpr i, QueryState s, out Query query, out Name? column)
    {
        query = null!;
        column = null;
        if (i.Values is not [NameExpr n]) return false;
        var name = n.Qualifier ?? n.Name;
        if (n.Qualifier is null && FindColumn(s, n.Name.Text) is not null) return false;
        if (_catalog.FindLet(name.Text) is null && _catalog.FindTable(name.Text) is null) return false;
        query = new Query(new NamedSource(name) { Span = name.Span }, []) { Span = name.Span };
        column = n.Qualifier is null ? null : n.Name;
        return true;
    }
}
