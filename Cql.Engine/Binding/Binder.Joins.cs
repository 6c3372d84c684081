using Cql.Engine.Diagnostics;
using Cql.Engine.Planning;
using Cql.Engine.Syntax;

namespace Cql.Engine.Binding;

public sealed partial class Binder
{
    /// <summary>
    /// [left] join ROWS on KEY [= OTHERKEY] [as NAME]: ROWS is a table, a let or a user's file ("outlets.csv",
    /// named outlets unless NAME is given); KEY is an expression of this side's
    /// rows and OTHERKEY a column of ROWS (written bare or as NAME.COLUMN); either order is understood
    /// (on name = speaker as on speaker = name). Without OTHERKEY both sides have a column named KEY.
    /// </summary>
    void BindJoin(JoinStage j, QueryState s)
    {
        QueryState other;
        if (j.Rows is ReadSource file)
        {
            var table = OpenUserTable(file.Path);
            other = new QueryState(Scan.Of(table), false, table.DefaultName);
            if (j.Alias is null && !IsName(table.DefaultName)) throw new BindError(DiagnosticFacts.JoinFileNeedsName(file.Span, table.DefaultName));
        }
        else if (j.Rows is not NamedSource { Name: var rows }) throw new NotSupportedException(j.Rows.GetType().Name);
        else if (_catalog.FindTable(rows.Text) is { } table)
            other = new QueryState(Scan.All(table), table.Name == CorpusSchema.Docs.Name, table.Name);
        else if (_catalog.FindLet(rows.Text) is { } let)
            other = new QueryState(let.Plan, let.RowsAreDocs, let.Name);
        else throw new BindError(DiagnosticFacts.UnknownTable(rows.Span, rows.Text, _catalog.SourceNames));

        var nameSpan = j.Alias?.Span ?? j.Rows.Span;
        var name = j.Alias?.Text ?? other.Description;
        if (ContextLink.Find(name) is not null) throw new BindError(DiagnosticFacts.JoinNameTaken(nameSpan, name, navigation: true));
        if (JoinNames(s).Any(n => n.Equals(name, StringComparison.OrdinalIgnoreCase)))
            throw new BindError(DiagnosticFacts.JoinNameTaken(nameSpan, name, navigation: false));

        var (keySyntax, otherSyntax) = (j.Key, j.OtherKey ?? j.Key);
        // on name = speaker: the first key names the joined rows' column and the second this side's: swap them.
        if (j.OtherKey is not null && !IsThisSide(keySyntax, s) && OtherColumn(keySyntax, name, other) is not null && IsThisSide(otherSyntax, s))
            (keySyntax, otherSyntax) = (otherSyntax, keySyntax);
        var key = BindExpr(keySyntax, s);
        if (otherSyntax is not NameExpr otherName) throw new BindError(DiagnosticFacts.JoinKeyNotAColumn(otherSyntax.Span, name));
        var otherColumn = OtherColumn(otherName, name, other)
            ?? throw new BindError(DiagnosticFacts.UnknownColumn(otherName.Name.Span, otherName.Name.Text, name, [.. other.Plan.Schema.Select(c => c.Name)]));
        if (!KeysMatch(key.Type, otherColumn.Type))
            throw new BindError(DiagnosticFacts.JoinKeyTypes(j.Span, Describe(keySyntax), TypeName(key.Type), $"{name}.{otherColumn.Name}", TypeName(otherColumn.Type),
                [.. other.Plan.Schema.Where(c => KeysMatch(key.Type, c.Type)).Select(c => c.Name)]));

        s.Plan = PlanStages.Join(s.Plan, other.Plan, key, otherColumn.Name, name, j.Left);
        s.RowsAreDocs = false;
        s.Description = $"{s.Description} joined with {name}";
    }

    /// <summary>Whether a file's name can be written as a join's name (outlets, not my-outlets or 2024).</summary>
    static bool IsName(string name) =>
        name.Length > 0 && Scanner.IsNameStart(name[0]) && name.AsSpan(1).IndexOfAnyExcept(NameChars) < 0 && !SyntaxFacts.IsReserved(name);

    static readonly System.Buffers.SearchValues<char> NameChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");

    /// <summary>Whether an expression names something of this side's rows (a column or a navigation), so it binds here.</summary>
    static bool IsThisSide(SyntaxExpr e, QueryState s) => e switch
    {
        NameExpr { Qualifier: null } n => FindColumn(s, n.Name.Text) is not null,
        NameExpr { Qualifier: { } q } n => FindColumn(s, q.Text + "." + n.Name.Text) is not null || ContextLink.Find(q.Text) is not null,
        _ => true,
    };

    /// <summary>The joined rows' column a key names: COLUMN, or NAME.COLUMN with the join's name.</summary>
    static ResultColumn? OtherColumn(SyntaxExpr e, string name, QueryState other) => e switch
    {
        NameExpr { Qualifier: null } n => FindColumn(other, n.Name.Text),
        NameExpr { Qualifier: { } q } n when q.Text.Equals(name, StringComparison.OrdinalIgnoreCase) => FindColumn(other, n.Name.Text),
        _ => null,
    };
}
