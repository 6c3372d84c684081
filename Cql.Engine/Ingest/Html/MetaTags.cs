using AngleSharp.Html.Dom;

namespace Cql.Engine.Ingest.Html;

/// <summary>A page's <c>&lt;meta&gt;</c> values by name, property, itemprop or http-equiv (lowercased); the first of
/// each name wins, as pages that repeat a tag put the article's own first.</summary>
public sealed class MetaTags
{
    readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);

    public static MetaTags Read(IHtmlDocument doc)
    {
        var tags = new MetaTags();
        foreach (var m in doc.GetElementsByTagName("meta"))
        {
            var content = m.GetAttribute("content");
            if (string.IsNullOrWhiteSpace(content)) continue;
            foreach (var attr in (ReadOnlySpan<string>)["property", "name", "itemprop", "http-equiv"])
                if (m.GetAttribute(attr) is { Length: > 0 } key)
                    tags._values.TryAdd(key.Trim().ToLowerInvariant(), content.Trim());
        }
        return tags;
    }

    public string? Get(string name) => _values.GetValueOrDefault(name);
}
