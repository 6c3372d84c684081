namespace Cql.Engine.Ingest.Html;

/// <summary>White space as HTML renders it: runs of spaces, tabs, line breaks and no-break spaces are one space.</summary>
public static class Whitespace
{
    public static string Collapse(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        var sb = new System.Text.StringBuilder(s.Length);
        bool space = false;
        foreach (var c in s)
        {
            if (char.IsWhiteSpace(c) || c == '\u00A0' || c == '\u200B') { space = sb.Length > 0; continue; }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(c);
        }
        return sb.ToString();
    }
}
