namespace Cql.Engine.Ingest.Warc;

/// <summary>What a WARC file's records were, counted as they are read: pages, and the others by kind (requests,
/// metadata, non-HTML responses …); and where reading stopped when the file is not whole.</summary>
public sealed class WarcTally
{
    readonly SortedDictionary<string, int> _notPages = new(StringComparer.Ordinal);

    public int Records { get; private set; }
    public int Pages { get; private set; }
    public int NotPages { get; private set; }
    public string? Truncated { get; set; }

    public void AddPage()
    {
        Records++;
        Pages++;
    }

    public void AddNotPage(string kind)
    {
        Records++;
        NotPages++;
        _notPages[kind] = _notPages.GetValueOrDefault(kind) + 1;
    }

    /// <summary>The notes that account for every record, once the pages' articles are counted.</summary>
    public List<string> Notes(string source, int pagesWithArticle)
    {
        var parts = new List<string> { $"{Pages} HTML pages ({pagesWithArticle} with an article)" };
        foreach (var (why, n) in _notPages) parts.Add($"{n} {why}");
        var notes = new List<string> { $"{source}: {Records} WARC records: {string.Join(", ", parts)}" };
        if (Truncated is { } cut) notes.Add($"{source}: truncated: {cut}");
        return notes;
    }
}
