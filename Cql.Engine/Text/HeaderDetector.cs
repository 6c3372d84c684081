using System.Text.RegularExpressions;
using Cql.Engine.Ingest;

namespace Cql.Engine.Text;

/// <summary>
/// Finds the title (a short first paragraph without closing punctuation) and the date (a header line such as
/// "date 2022-06", "Publicerad 2025-01-09", "Dato: 2024-11-02") at the top of an article.
/// </summary>
public static partial class HeaderDetector
{
    const int MaxTitleChars = 200;

    public static DocumentHeader Detect(string text, IReadOnlyList<TextRange> paragraphs)
    {
        string? title = null, date = null;
        int titleIndex = -1, dateIndex = -1;
        for (int p = 0; p < Math.Min(paragraphs.Count, 4); p++)
        {
            var s = paragraphs[p].Slice(text);
            var m = DateLine().Match(s);
            if (date is null && m.Success)
            {
                date = DateText.Normalize(m.Groups["date"].Value);
                if (date is not null && m.Length >= s.Length - 1) dateIndex = p;
                continue;
            }
            if (title is null && p <= 1 && LooksLikeTitle(s)) { title = s.Trim(); titleIndex = p; }
        }
        return new DocumentHeader(title, date, titleIndex, dateIndex);
    }

    static bool LooksLikeTitle(string s) =>
        s.Length is > 3 and <= MaxTitleChars && !s.Contains('\n') && s.TrimEnd()[^1] is not ('.' or ',' or ';' or ':');

    [GeneratedRegex(@"^\s*(?:date|dato|datum|publicerad|publisert|publiceret|veröffentlicht(?: am)?|published|pubblicato(?: il)?|publié le|publicado)\s*:?\s*(?<date>\d{4}(?:[-./]\d{1,2}(?:[-./]\d{1,2})?)?)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DateLine();
}
