using Cql.Engine.Ingest;

namespace Cql.Engine.Text;

/// <summary>Whether a paragraph is boilerplate, and of which kind (caption, banner, related_links, bio,
/// repeated_title, byline, title, dateline). Boilerplate is flagged, never dropped.</summary>
public readonly record struct BoilerplateFlag(bool IsBoilerplate, string? Kind)
{
    public static readonly BoilerplateFlag Body = new(false, null);
    public static BoilerplateFlag Of(string kind) => new(true, kind);
}

/// <summary>Flags the paragraphs of a document that are not the article's own prose.</summary>
public static class BoilerplateDetector
{
    public static BoilerplateFlag[] Classify(string text, IReadOnlyList<TextRange> paragraphs, DocumentHeader header)
    {
        var flags = new BoilerplateFlag[paragraphs.Count];
        string? title = header.TitleParagraph >= 0 ? paragraphs[header.TitleParagraph].Slice(text).Trim() : null;
        for (int p = 0; p < paragraphs.Count; p++)
        {
            var s = paragraphs[p].Slice(text).Trim();
            flags[p] =
                p == header.TitleParagraph ? BoilerplateFlag.Of("title")
                : p == header.DateParagraph ? BoilerplateFlag.Of("dateline")
                : title is not null && s == title ? BoilerplateFlag.Of("repeated_title")
                : s.StartsWith("Transparenz:", StringComparison.Ordinal) ? BoilerplateFlag.Of("banner")
                : BoilerplateFlag.Body;
        }
        return flags;
    }
}
