namespace Cql.Engine.Text;

/// <summary>The kinds of boilerplate <see cref="BoilerplateDetector"/> flags, as stored in paragraphs.boilerplate_kind.</summary>
public static class BoilerplateKind
{
    public const string Title = "title";
    public const string Dateline = "dateline";
    public const string RepeatedTitle = "repeated_title";
    public const string Caption = "caption";
    public const string Banner = "banner";
    public const string Byline = "byline";
    public const string RelatedLinks = "related_links";
    public const string Bio = "bio";
    public const string Ellipsis = "ellipsis";
    public const string Separator = "separator";

    /// <summary>Every kind, for completion and validation.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Title, Dateline, RepeatedTitle, Caption, Banner, Byline, RelatedLinks, Bio, Ellipsis, Separator];
}
