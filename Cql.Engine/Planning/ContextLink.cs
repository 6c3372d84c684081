namespace Cql.Engine.Planning;

/// <summary>
/// A navigation from a row to the corpus row its id names: <c>doc.FIELD</c> by doc_id, <c>sent.FIELD</c> by
/// sent_id, <c>para.FIELD</c> by para_id. Each is planned as a <see cref="ContextJoin"/>, and the fields come in
/// named QUALIFIER.FIELD. One table of links, so a new one is a line here, not a copy of the doc join.
/// </summary>
public sealed record ContextLink(string Qualifier, TableSchema Table, string Key)
{
    public static readonly ContextLink Doc = new("doc", CorpusSchema.Docs, WellKnownColumns.DocId);
    public static readonly ContextLink Sent = new("sent", CorpusSchema.Sentences, "sent_id");
    public static readonly ContextLink Para = new("para", CorpusSchema.Paragraphs, "para_id");

    public static readonly IReadOnlyList<ContextLink> All = [Doc, Sent, Para];

    /// <summary>"doc.": how the fields of this link are named in the rows.</summary>
    public string Prefix { get; } = Qualifier + ".";

    /// <summary>The link a qualifier names (case-insensitive), or null.</summary>
    public static ContextLink? Find(string qualifier)
    {
        foreach (var l in All) if (string.Equals(l.Qualifier, qualifier, StringComparison.OrdinalIgnoreCase)) return l;
        return null;
    }

    /// <summary>The link whose fields a column name belongs to (doc.title → doc), or null.</summary>
    public static ContextLink? OfColumn(string column)
    {
        foreach (var l in All) if (column.StartsWith(l.Prefix, StringComparison.Ordinal)) return l;
        return null;
    }
}
