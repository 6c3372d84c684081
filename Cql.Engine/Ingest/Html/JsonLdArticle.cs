using System.Text.Json;

namespace Cql.Engine.Ingest.Html;

/// <summary>What a page's JSON-LD says about its article (schema.org NewsArticle and kin); <paramref name="Paywalled"/>
/// when it says the article is not free to read (<c>isAccessibleForFree: false</c>, the markup paywalled sites give
/// search engines).</summary>
public sealed record JsonLdArticle(string? Headline, string? DatePublished, IReadOnlyList<string> Authors, string? Publisher, string? Url, string? Language,
    bool Paywalled = false)
{
    // The article types news sites use; a WebPage is only a fallback (it often carries the page's, not the story's, name).
    static readonly string[] ArticleTypes =
        ["NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
         "LiveBlogPosting", "BackgroundNewsArticle", "ReviewNewsArticle", "Report", "TechArticle", "SocialMediaPosting"];

    /// <summary>The first article object in the blocks (searching arrays and @graph), else the first WebPage; null
    /// when there is none. A block that is not JSON is passed over: pages ship broken JSON-LD often.</summary>
    public static JsonLdArticle? Read(IReadOnlyList<string> blocks)
    {
        JsonLdArticle? page = null;
        foreach (var block in blocks)
        {
            JsonDocument doc;
            try { doc = JsonDocument.Parse(block, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 64 }); }
            catch (JsonException) { continue; }
            using (doc)
            {
                var names = new Dictionary<string, string>(StringComparer.Ordinal);
                NamedNodes(doc.RootElement, names, 0);
                if (Find(doc.RootElement, article: true, 0) is { } a) return From(a, names);
                if (page is null && Find(doc.RootElement, article: false, 0) is { } p) page = From(p, names);
            }
        }
        return page;
    }

    static JsonElement? Find(JsonElement e, bool article, int depth)
    {
        if (depth > 8) return null;
        switch (e.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in e.EnumerateArray())
                    if (Find(item, article, depth + 1) is { } found) return found;
                return null;
            case JsonValueKind.Object:
                if (IsType(e, article)) return e;
                if (e.TryGetProperty("@graph", out var graph) && Find(graph, article, depth + 1) is { } inGraph) return inGraph;
                if (e.TryGetProperty("mainEntity", out var main) && Find(main, article, depth + 1) is { } inMain) return inMain;
                return null;
            default:
                return null;
        }
    }

    static bool IsType(JsonElement e, bool article)
    {
        if (!e.TryGetProperty("@type", out var type)) return false;
        if (type.ValueKind == JsonValueKind.Array)
        {
            foreach (var t in type.EnumerateArray())
                if (t.ValueKind == JsonValueKind.String && Matches(t.GetString()!, article)) return true;
            return false;
        }
        return type.ValueKind == JsonValueKind.String && Matches(type.GetString()!, article);
    }

    static bool Matches(string type, bool article) =>
        article ? Array.IndexOf(ArticleTypes, type.Replace("schema:", "", StringComparison.Ordinal)) >= 0 : type is "WebPage" or "ItemPage";

    /// <summary>The names of the nodes that have an @id: an article's author or publisher is often a reference
    /// ({"@id": "#person-1"}) to a Person elsewhere in the graph.</summary>
    static void NamedNodes(JsonElement e, Dictionary<string, string> names, int depth)
    {
        if (depth > 8) return;
        if (e.ValueKind == JsonValueKind.Array)
            foreach (var item in e.EnumerateArray()) NamedNodes(item, names, depth + 1);
        else if (e.ValueKind == JsonValueKind.Object)
        {
            if (Text(e, "@id") is { } id && Text(e, "name") is { } name) names.TryAdd(id, name);
            foreach (var p in e.EnumerateObject())
                if (p.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array) NamedNodes(p.Value, names, depth + 1);
        }
    }

    static JsonLdArticle From(JsonElement e, Dictionary<string, string> named) => new(
        Text(e, "headline") ?? Text(e, "name"),
        Text(e, "datePublished") ?? Text(e, "dateCreated") ?? Text(e, "uploadDate"),
        Names(e, "author", named),
        e.TryGetProperty("publisher", out var publisher) ? NameOf(publisher, named) : null,
        Text(e, "url") ?? (e.TryGetProperty("mainEntityOfPage", out var main) ? (main.ValueKind == JsonValueKind.String ? main.GetString() : Text(main, "@id")) : null),
        Text(e, "inLanguage"),
        e.TryGetProperty("isAccessibleForFree", out var free) &&
            (free.ValueKind == JsonValueKind.False || (free.ValueKind == JsonValueKind.String && free.GetString()!.Trim().Equals("false", StringComparison.OrdinalIgnoreCase))));

    static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString())
            ? v.GetString()!.Trim() : null;

    static string? NameOf(JsonElement e, Dictionary<string, string> named) => e.ValueKind switch
    {
        JsonValueKind.String => string.IsNullOrWhiteSpace(e.GetString()) ? null : e.GetString()!.Trim(),
        JsonValueKind.Object => Text(e, "name") ?? (Text(e, "@id") is { } id ? named.GetValueOrDefault(id) : null),
        JsonValueKind.Array => e.GetArrayLength() > 0 ? NameOf(e[0], named) : null,
        _ => null,
    };

    static List<string> Names(JsonElement e, string property, Dictionary<string, string> named)
    {
        var names = new List<string>();
        if (!e.TryGetProperty(property, out var v)) return names;
        if (v.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in v.EnumerateArray())
                if (!IsOrganisation(item) && NameOf(item, named) is { } n) names.Add(n);
        }
        else if (!IsOrganisation(v) && NameOf(v, named) is { } n) names.Add(n);
        return names;
    }

    /// <summary>An author that is the newsroom ("@type": "Organization", "NewsMediaOrganization"): no person.</summary>
    static bool IsOrganisation(JsonElement e)
    {
        if (e.ValueKind != JsonValueKind.Object || !e.TryGetProperty("@type", out var type)) return false;
        if (type.ValueKind == JsonValueKind.String) return type.GetString()!.EndsWith("Organization", StringComparison.Ordinal);
        if (type.ValueKind != JsonValueKind.Array) return false;
        foreach (var t in type.EnumerateArray())
            if (t.ValueKind == JsonValueKind.String && t.GetString()!.EndsWith("Organization", StringComparison.Ordinal)) return true;
        return false;
    }
}
