namespace Cql.Engine.Diagnostics;

/// <summary>
/// Every message the parser and the binder can give, one factory per kind, so the wording lives in one place and the
/// codes stay stable (they are listed in grammar.md). CQL01xx: syntax; CQL02xx: names; CQL03xx: types and values.
/// It knows nothing of the syntax tree: callers pass the words and spans, and the keywords a typo is compared with.
/// </summary>
public static class DiagnosticFacts
{
    // ---------------------------------------------------------------- syntax (CQL01xx)

    public static Diagnostic Unexpected((string Text, TextSpan Span) token, IReadOnlyList<string> expected, IReadOnlyList<string> keywords)
    {
        var what = token.Text.Length == 0 ? "the statement ends too early" : $"unexpected '{token.Text}'";
        var expectation = expected.Count == 0 ? "" : "; expected " + JoinOr(expected.Distinct().ToList());
        var near = token.Text.Length > 1 ? NameSuggester.Nearest(token.Text, keywords) : null;
        return new("CQL0101", what + expectation, Widen(token.Span), near is null || near == token.Text.ToLowerInvariant() ? null : $"did you mean '{near}'?");
    }

    /// <param name="parsedAQuery">The statement read so far has a query, so a missing '|' or 'and' is the likely slip.</param>
    public static Diagnostic UnexpectedAfterStatement((string Text, TextSpan Span) token, bool parsedAQuery, IReadOnlyList<string> keywords)
    {
        var near = NameSuggester.Nearest(token.Text, keywords);
        var hint = parsedAQuery && TextOperatorFor(token.Text) is { } ours
            ? ours
            : near is not null && !near.Equals(token.Text, StringComparison.OrdinalIgnoreCase)
            ? $"did you mean '{near}'?"
            : parsedAQuery
                ? "stages are joined with '|' (quotes | where lang = de | count), conditions with and/or"
                : "put one statement on a line, or separate statements with ';'";
        return new("CQL0102", $"unexpected '{token.Text}' after the end of the statement", Widen(token.Span), hint);
    }

    // SQL's text operators, which people type in a condition: ours, by what they are for.
    static string? TextOperatorFor(string word) => word.ToLowerInvariant() switch
    {
        "like" or "ilike" or "glob" => "CQL has no 'like': text contains \"word\" (any case, anywhere), text startswith \"Vi \", or text matches \"REGEX\" (% is .*, _ is .)",
        "regexp" or "rlike" or "similar" => "a regular expression is text matches \"REGEX\"",
        _ => null,
    };

    public static Diagnostic UnknownStage(TextSpan span, string word, IReadOnlyCollection<string> stages, string stagesAsWritten)
    {
        // Words from SQL and KQL that people type for our stages.
        string? synonym = word.ToLowerInvariant() switch
        {
            "filter" => "where",
            "sort" => "order by",
            "take" or "top" or "head" => "limit",
            "project" => "select",
            "summarize" or "groupby" => "group by … aggregate …, or count by",
            "uniq" or "unique" => "distinct",
            "save" or "write" or "to" => "export \"FILE.csv\"",
            _ => null,
        };
        var near = synonym ?? NameSuggester.Nearest(word, stages);
        return new("CQL0103", $"unknown stage '{word}'", span, (near is null ? "" : $"did you mean '{near}'? ") + "Stages: " + stagesAsWritten);
    }

    public static Diagnostic UnterminatedString(TextSpan openingQuote, char quote) =>
        new("CQL0104", "this string is never closed", openingQuote, $"end it with {quote}");

    public static Diagnostic BadUnicodeEscape(TextSpan span) =>
        new("CQL0106", "\\u needs four hex digits", span, "for example \\u00e5 for å");

    public static Diagnostic InvalidDate(TextSpan span, string text) =>
        new("CQL0107", $"'{text}' is not a valid date", span, "dates are YYYY-MM-DD or YYYY-MM, e.g. 2022-06-15 or 2022-06");

    public static Diagnostic NumberOutOfRange(TextSpan span, string text) =>
        new("CQL0108", $"the number {text} is out of range", span);

    public static Diagnostic NestedTooDeeply(TextSpan at, int limit) =>
        new("CQL0109", $"brackets or nots are nested more than {limit} deep here", at, "simplify the condition; a long list of values fits in (…)");

    public static Diagnostic InternalParserError(TextSpan span, string message) =>
        new("CQL0199", "the parser failed on this statement: " + message, span, "please report this statement");

    // ---------------------------------------------------------------- names (CQL02xx)

    public static Diagnostic UnknownTable(TextSpan span, string name, IReadOnlyCollection<string> known) =>
        new("CQL0201", $"unknown table '{name}'", span, DidYouMean(name, known, "tables"));

    public static Diagnostic UnknownColumn(TextSpan span, string column, string where, IReadOnlyCollection<string> known) =>
        new("CQL0202", $"unknown column '{column}' in {where}", span, DidYouMean(column, known, "columns"));

    /// <param name="rows">What the linked rows are: "documents", "sentences", "paragraphs".</param>
    public static Diagnostic UnknownDocField(TextSpan span, string field, IReadOnlyCollection<string> known, string rows = "documents") =>
        new("CQL0203", $"{rows} have no field '{field}'", span, DidYouMean(field, known, "fields").Replace("columns", "fields"));

    /// <param name="qualified">The navigation as written: doc.title, sent.text.</param>
    public static Diagnostic NoIdToNavigate(TextSpan span, string qualified, string key, IReadOnlyCollection<string> columns) =>
        new("CQL0204", $"{qualified} needs rows with a {key}, and these rows have none", span,
            "columns here: " + string.Join(", ", columns) + $". Keep {key} in select, or navigate before count/group");

    /// <param name="joined">The names of the join stages before this point, whose columns are NAME.FIELD.</param>
    public static Diagnostic UnknownQualifier(TextSpan span, string qualifier, IReadOnlyCollection<string> joined) =>
        new("CQL0205", $"unknown qualifier '{qualifier}'", span,
            "doc.FIELD, sent.FIELD and para.FIELD navigate (doc.title, sent.text, para.boilerplate)"
            + (joined.Count > 0 ? "; joined rows: " + string.Join(", ", joined.Select(j => j + ".FIELD")) : ""));

    public static Diagnostic UnknownFunction(TextSpan span, string name, IReadOnlyCollection<string> known) =>
        new("CQL0206", $"unknown function '{name}'", span, DidYouMean(name, known, "functions"));

    public static Diagnostic UnknownAggregate(TextSpan span, string name, IReadOnlyCollection<string> known) =>
        new("CQL0207", $"unknown aggregate '{name}'", span, DidYouMean(name, known, "aggregates"));

    public static Diagnostic DuplicateColumn(TextSpan span, string name) =>
        new("CQL0208", $"the column '{name}' appears twice in the result", span, "give one of them another name with 'as'");

    public static Diagnostic LetShadowsTable(TextSpan span, string name) =>
        new("CQL0209", $"'{name}' is a table and cannot be redefined", span, "choose another name for the let");

    public static Diagnostic ReservedLetName(TextSpan span, string name) =>
        new("CQL0210", $"'{name}' is a keyword and cannot name a query", span, "choose another name for the let");

    public static Diagnostic KwicTableWithoutText(TextSpan span, string table, IReadOnlyCollection<string> usable) =>
        new("CQL0211", $"kwic cannot search '{table}'", span, "kwic searches the text of: " + string.Join(", ", usable));

    public static Diagnostic NeedsColumns(TextSpan span, string stage, string rows, IReadOnlyCollection<string> columns, string example) =>
        new("CQL0212", $"{stage} needs rows with {string.Join(", ", columns)}, and {rows} has not", span, "for example " + example);

    public static Diagnostic UnknownScore(TextSpan span, string score, IReadOnlyCollection<string> scores) =>
        new("CQL0213", $"unknown score '{score}'", span, DidYouMean(score, scores, "scores"));

    public static Diagnostic UnknownCooccurUnit(TextSpan span, string unit, IReadOnlyCollection<string> units) =>
        new("CQL0214", $"cooccur cannot count in '{unit}'", span, DidYouMean(unit, units, "units"));

    // ---------------------------------------------------------------- types and values (CQL03xx)

    public static Diagnostic NotACondition(TextSpan span, string type) =>
        new("CQL0301", $"where needs a condition, and this is a {type} value", span, "compare it, e.g. lang = de, or test it: text contains \"…\"");

    public static Diagnostic CannotCompare(TextSpan span, string left, string leftType, string right, string rightType) =>
        new("CQL0302", $"cannot compare {left} ({leftType}) with {right} ({rightType})", span,
            leftType is "text" or "date" && rightType == "number" ? "put the value in quotes, e.g. \"5\"" :
            leftType == "number" && rightType is "text" ? "numbers are written without quotes" : null);

    public static Diagnostic CompareWithNull(TextSpan span, bool negated) =>
        new("CQL0303", $"'{(negated ? "!=" : "=")} null' is never true", span, negated ? "write 'is not null'" : "write 'is null'");

    public static Diagnostic TextOperatorNeedsText(TextSpan span, string op, string type) =>
        new("CQL0304", $"{op} works on text, and this is a {type} value", span, "use it on a text column, e.g. text " + op + " \"…\"");

    public static Diagnostic PatternMustBeText(TextSpan span, string op) =>
        new("CQL0305", $"{op} needs a text pattern", span, $"write it in quotes, e.g. {op} \"samarbeid\"");

    public static Diagnostic BadRegex(TextSpan span, string message) =>
        new("CQL0306", "this regular expression is not valid: " + message, span, ".NET syntax, e.g. matches \"^Xi\\\\b\"");

    /// <summary><paramref name="expected"/> as it reads in the sentence: "2", "1 or 2", "at least 2".</summary>
    public static Diagnostic WrongArgumentCount(TextSpan span, string function, string expected, int got) =>
        new("CQL0307", $"{function} takes {expected} argument{(expected == "1" ? "" : "s")}, not {got}", span);

    public static Diagnostic WrongArgumentType(TextSpan span, string function, string expected, string got) =>
        new("CQL0308", $"{function} needs {expected}, and this is {got}", span);

    public static Diagnostic NotANonNegativeInteger(TextSpan span, string what) =>
        new("CQL0309", $"{what} needs a whole number of 0 or more", span);

    public static Diagnostic EmptyKwicTerm(TextSpan span) =>
        new("CQL0310", "kwic needs at least one word to look for", span, "for example kwic \"samarbeid\" or kwic \"bilateral* samarbeid\"");

    public static Diagnostic ExportNotLast(TextSpan span) =>
        new("CQL0311", "export must be the last stage", span, "move it to the end of the query");

    public static Diagnostic UnknownExportFormat(TextSpan span, string path) =>
        new("CQL0312", $"cannot tell the format of '{path}' from its extension", span, "use .parquet, .csv, .tsv, .jsonl or .json (after a chart stage also .png or .svg)");

    public static Diagnostic InNeedsRows(TextSpan span, string name, IReadOnlyCollection<string> known) =>
        new("CQL0316", $"'in {name}' needs a let or a table; '{name}' is neither", span,
            $"for a list of values write 'in ({name})'; rows to take values from: {string.Join(", ", known)}");

    public static Diagnostic InWhichColumn(TextSpan span, string? rows, string operand, IReadOnlyCollection<string> columns) =>
        new("CQL0317", $"{(rows is null ? "the query's rows have" : $"{rows} has")} more than one column and none named like {operand}", span,
            rows is null ? $"end the query with '| select COLUMN', one of {string.Join(", ", columns)}"
                : $"name the column: in {rows}.COLUMN, one of {string.Join(", ", columns)}");

    public static Diagnostic SemiJoinKeyTypes(TextSpan span, string operand, string operandType, string column, string columnType, IReadOnlyCollection<string> usable) =>
        new("CQL0318", $"the keys differ in type: {operand} is {operandType}, '{column}' is {columnType}, so no value could be equal", span,
            usable.Count > 0 ? $"columns of the same type as {operand}: {string.Join(", ", usable)}" : null);

    public static Diagnostic JoinKeyTypes(TextSpan span, string key, string keyType, string otherKey, string otherType, IReadOnlyCollection<string> usable) =>
        new("CQL0340", $"the join keys differ in type: {key} is {keyType}, {otherKey} is {otherType}, so no row could match", span,
            usable.Count > 0 ? $"columns of the joined rows of the same type as {key}: {string.Join(", ", usable)}" : $"the joined rows have no {keyType} column");

    public static Diagnostic JoinNameTaken(TextSpan span, string name, bool navigation) =>
        new("CQL0341", navigation ? $"'{name}' names the {name}.FIELD navigation and cannot name a join" : $"the rows already have columns named {name}.FIELD (an earlier join), so {name}.FIELD would be ambiguous", span,
            $"name the joined rows with 'as', e.g. join … as {name}2");

    public static Diagnostic JoinKeyNotAColumn(TextSpan span, string name) =>
        new("CQL0342", $"the joined rows' key must be one of their columns, and this is an expression", span,
            $"name a column of {name} (on KEY = COLUMN), or compute the key in a let: let x = {name} | select …");

    // ---------------------------------------------------------------- a user's own tables (CQL036x)
    // The message is the reader's, with the file and line; these add the code and what to do. All but CQL0361 and
    // CQL0369 are about the file, not the statement (IsInputError: exit 3).

    public static Diagnostic TableFileMissing(TextSpan span, string message) =>
        new("CQL0360", message, span, "a relative path is relative to the current folder (in cql run FILE: to FILE's folder)") { IsInputError = true };

    public static Diagnostic TableFileKind(TextSpan span, string message) =>
        new("CQL0361", message, span, "read \"FILE.csv\", \"FILE.tsv\", \"FILE.parquet\" or a folder of one kind");

    public static Diagnostic TableFileEmpty(TextSpan span, string message) =>
        new("CQL0362", message, span, "the first line names the columns, e.g. outlet,country,leaning") { IsInputError = true };

    public static Diagnostic TableFileHeader(TextSpan span, string message) =>
        new("CQL0363", message, span, "give every column of the first line a name of its own") { IsInputError = true };

    public static Diagnostic TableFileRagged(TextSpan span, string message) =>
        new("CQL0364", message, span, "every row has as many fields as the header: quote values that hold the delimiter") { IsInputError = true };

    public static Diagnostic TableFileEncoding(TextSpan span, string message) =>
        new("CQL0365", message, span, "save the file as UTF-8 (iconv -f WINDOWS-1252 -t UTF-8, or your editor's 'save as')") { IsInputError = true };

    public static Diagnostic TableFileQuoting(TextSpan span, string message) =>
        new("CQL0366", message, span, "close the quote, and double a quote inside a quoted value (\"say \"\"hi\"\"\")") { IsInputError = true };

    public static Diagnostic TableFileParquet(TextSpan span, string message) =>
        new("CQL0367", message, span) { IsInputError = true };

    public static Diagnostic TableFileMismatch(TextSpan span, string message) =>
        new("CQL0368", message, span, "read one file, or make the folder's files alike") { IsInputError = true };

    public static Diagnostic JoinFileNeedsName(TextSpan span, string name) =>
        new("CQL0369", $"the file's name '{name}' cannot name its columns ({name}.COLUMN)", span, "name the joined rows with 'as', e.g. join \"…\" on … as t");

    public static Diagnostic MixedList(TextSpan span) =>
        new("CQL0313", "the values of this list are of different kinds", span, "compare text with text and numbers with numbers");

    public static Diagnostic AggregateNeedsArgument(TextSpan span, string function) =>
        new("CQL0314", $"{function}() needs a column", span, $"for example {function}(length(text))");

    public static Diagnostic NotNumeric(TextSpan span, string function, string type) =>
        new("CQL0315", $"{function} needs numbers, and this is a {type} value", span);

    public static Diagnostic NotAPositiveInteger(TextSpan span, string what) =>
        new("CQL0319", $"{what} needs a whole number of 1 or more", span);
    // Time buckets and charts: codes from CQL0320 on.

    public static Diagnostic UnknownPeriodUnit(TextSpan span, string written) =>
        new("CQL0320", $"'{written}' is not a unit of time", span, DidYouMean(written, ["day", "week", "month", "quarter", "year"], "units"));

    public static Diagnostic FillNeedsPeriod(TextSpan span, string why) =>
        new("CQL0321", why, span, "fill follows a bucket() in the same query: count by bucket(doc.date, month) | fill");

    public static Diagnostic UnknownChartKind(TextSpan span, string written) =>
        new("CQL0322", $"'{written}' is not a kind of chart", span, DidYouMean(written, ["bar", "line", "area", "hist"], "kinds"));

    public static Diagnostic ChartNotLast(TextSpan span) =>
        new("CQL0323", "only export may follow chart", span, "move the chart to the end of the query (before export)");

    public static Diagnostic ChartNeedsNumbers(TextSpan span, string column, string type, string role) =>
        new("CQL0324", $"'{column}' is {type}, and {role} of a chart needs numbers", span);

    public static Diagnostic ImageExportNeedsChart(TextSpan span, string path) =>
        new("CQL0325", $"'{path}' is an image, and this query draws no chart", span, "put a chart stage before the export: | chart line | export \"" + path + "\"");

    public static Diagnostic ChartWithoutNumbers(TextSpan span, string x) =>
        new("CQL0326", $"no column of numbers to draw against '{x}'", span, "name the values with y COLUMN (count by gives a count column)");

    public static Diagnostic HistTakesNoY(TextSpan span, string x) =>
        new("CQL0327", "a hist counts the values of its x column and takes no y", span, $"chart hist x {x}");

    // ---------------------------------------------------------------- running out of room (CQL037x)
    // Found while the rows are read, so a message (of a SpillException, exit 3) rather than a diagnostic with a span.

    public static string SpillFailed(string folder, string reason) =>
        "CQL0375" + $": cannot set rows aside in {folder}: {reason} (free some space there, or point TMPDIR to a folder with room)";

    // ---------------------------------------------------------------- notes

    public static Diagnostic SpeakerResolved(TextSpan span, string written, IReadOnlyList<string> canonical) =>
        new("CQL0901", $"speaker \"{written}\" means {JoinOr(canonical.Select(c => "\"" + c + "\"").ToList())} (entity aliases)", span, Severity: Severity.Note);

    public static Diagnostic SpeakerUnknown(TextSpan span, string written) =>
        new("CQL0902", $"no entity is known as \"{written}\"; speakers are compared as written", span,
            "entities lists the known names and aliases", Severity.Note);

    public static Diagnostic SymbolRead(TextSpan span, string word) =>
        new("CQL0903", $"'{word}' is not a column here, so it is read as the text \"{word}\"", span, Severity: Severity.Note);

    // ---------------------------------------------------------------- helpers

    static string DidYouMean(string typed, IReadOnlyCollection<string> known, string kind)
    {
        var near = NameSuggester.Nearest(typed, known);
        var list = $"{kind}: {string.Join(", ", known)}";
        return near is null ? list : $"did you mean '{near}'? {char.ToUpperInvariant(list[0])}{list[1..]}";
    }

    static string JoinOr(IReadOnlyList<string> items) =>
        items.Count <= 1 ? string.Concat(items) : string.Join(", ", items.Take(items.Count - 1)) + " or " + items[^1];

    // A zero-width span (the end of the text) still gets a caret.
    static TextSpan Widen(TextSpan s) => s.Length == 0 ? new TextSpan(s.Start, 1) : s;
}
