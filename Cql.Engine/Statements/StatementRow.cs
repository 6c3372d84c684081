namespace Cql.Engine.Statements;

/// <summary>One row of the statements table: a statement and what its reports add up to.</summary>
public sealed class StatementRow(int statementId)
{
    public int StatementId { get; } = statementId;
    /// <summary>The first named speaker among the reports (a person before an organisation that relayed the words).</summary>
    public string? Speaker { get; set; }
    /// <summary>The representative report: the first whole quote (full, dash or block), else the first report.</summary>
    public string Text { get; set; } = "";
    public string TextLang { get; set; } = "";
    public int RepresentativeQuoteId { get; set; } = -1;
    internal bool TextIsWhole { get; set; }
    /// <summary>The languages of the reports, sorted.</summary>
    public SortedSet<string> Langs { get; } = new(StringComparer.Ordinal);
    public int Reports { get; set; }
    public int Docs { get; set; }
    internal int LastDocId { get; set; } = -1;
    /// <summary>The earliest document date among the reports (ISO, with its precision), or null when none is dated.</summary>
    public string? FirstDate { get; set; }
    /// <summary>The document of the earliest dated report, else of the first report.</summary>
    public int FirstDocId { get; set; } = -1;
    public int FirstQuoteId { get; set; } = -1;
    internal DateSpan? Dates { get; set; }
}
