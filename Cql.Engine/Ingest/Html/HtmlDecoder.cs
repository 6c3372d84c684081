using Cql.Engine.Text;
using System.Text;

namespace Cql.Engine.Ingest.Html;

/// <summary>HTML bytes decoded, with the encoding used and, when the page's declaration was wrong, a note saying so.</summary>
public sealed record DecodedPage(string Html, string Encoding, string? Note);

/// <summary>
/// Decodes an HTML page: a BOM wins, then the bytes themselves when they are valid UTF-8 (a page declaring
/// windows-1252 or ISO-8859-1 whose bytes are UTF-8 was saved by a tool that did not update the tag, and decoding it
/// as declared would garble every accented letter), then the declared charset (the HTTP header's, else the page's
/// own <c>&lt;meta charset&gt;</c>), then <see cref="TextDecoder"/>'s Windows-1252 fallback.
/// </summary>
public static class HtmlDecoder
{
    /// <summary>Browsers look for the meta charset in the first 1024 bytes; pages with long heads put it later.</summary>
    const int SniffBytes = 4096;

    static HtmlDecoder() => System.Text.Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static DecodedPage Decode(ReadOnlySpan<byte> bytes, string? httpCharset = null)
    {
        if (HasBom(bytes))
        {
            var withBom = TextDecoder.Decode(bytes);
            return new(withBom.Text, withBom.Encoding, null);
        }
        var declared = Canonical(httpCharset) ?? Canonical(SniffMetaCharset(bytes));
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            string? note = declared is not null and not "utf-8" && !IsAscii(bytes)
                ? $"declares charset {declared}, but its bytes are UTF-8: read as UTF-8" : null;
            return new(System.Text.Encoding.UTF8.GetString(bytes), "utf-8", note);
        }
        if (declared is not null and not "utf-8" && TryGetEncoding(declared) is { } encoding)
            return new(encoding.GetString(bytes), declared, null);
        var fallback = TextDecoder.Decode(bytes);
        string? wrong = declared == "utf-8" && fallback.Encoding != "utf-8"
            ? $"declares charset utf-8, but its bytes are not UTF-8: read as {fallback.Encoding}" : null;
        return new(fallback.Text, fallback.Encoding, wrong);
    }

    static bool HasBom(ReadOnlySpan<byte> b) =>
        b.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) || b.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || b.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]);

    static bool IsAscii(ReadOnlySpan<byte> b) => System.Text.Ascii.IsValid(b);

    /// <summary>WHATWG's labels for the encodings pages declare most: ISO-8859-1 and ASCII mean Windows-1252.</summary>
    static string? Canonical(string? label)
    {
        if (string.IsNullOrWhiteSpace(label)) return null;
        var l = label.Trim().Trim('"', '\'').ToLowerInvariant();
        return l switch
        {
            "utf8" or "utf-8" or "unicode-1-1-utf-8" => "utf-8",
            "iso-8859-1" or "latin1" or "l1" or "us-ascii" or "ascii" or "iso8859-1" or "cp1252" or "windows-1252" => "windows-1252",
            _ => l,
        };
    }

    static System.Text.Encoding? TryGetEncoding(string name)
    {
        try { return System.Text.Encoding.GetEncoding(name); }
        catch (ArgumentException) { return null; }
    }

    /// <summary>The charset of <c>&lt;meta charset="…"&gt;</c> or <c>&lt;meta http-equiv="Content-Type" content="…; charset=…"&gt;</c>
    /// in the page's first bytes (read as ASCII: every charset a page may declare keeps ASCII where the tag is).</summary>
    internal static string? SniffMetaCharset(ReadOnlySpan<byte> bytes)
    {
        var head = System.Text.Encoding.Latin1.GetString(bytes[..Math.Min(bytes.Length, SniffBytes)]);
        int at = 0;
        while ((at = head.IndexOf("<meta", at, StringComparison.OrdinalIgnoreCase)) >= 0)
        {
            int end = head.IndexOf('>', at);
            if (end < 0) break;
            var tag = head.AsSpan(at, end - at);
            int cs = tag.IndexOf("charset", StringComparison.OrdinalIgnoreCase);
            if (cs >= 0)
            {
                var rest = tag[(cs + 7)..].TrimStart();
                if (rest.StartsWith('='))
                {
                    rest = rest[1..].TrimStart().TrimStart("\"'");
                    int stop = 0;
                    while (stop < rest.Length && (char.IsAsciiLetterOrDigit(rest[stop]) || rest[stop] is '-' or '_' or ':' or '.')) stop++;
                    if (stop > 0) return rest[..stop].ToString();
                }
            }
            at = end;
        }
        return null;
    }
}
