using System.Buffers;
using System.Text;

namespace Cql.Engine.Text;

/// <summary>The text of an input file, or why it is not text.</summary>
public sealed record DecodedText(string Text, string Encoding, bool IsBinary = false, string? BinaryReason = null);

/// <summary>
/// Bytes → normalised text. A byte-order mark decides (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE); without one, UTF-16
/// is recognised by its zero bytes, UTF-8 is tried next (a few broken sequences in otherwise good UTF-8 become
/// U+FFFD rather than turning the whole file into mojibake), and Windows-1252 is the fallback. Files with NUL bytes
/// (outside UTF-16/32) or many control characters are binary. Text comes out as <see cref="Normalize"/> leaves it.
/// </summary>
public static class TextDecoder
{
    const int SniffBytes = 8192;
    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    static readonly UTF8Encoding LenientUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static DecodedText Decode(ReadOnlySpan<byte> bytes)
    {
        // UTF-32 LE before UTF-16 LE: FF FE 00 00 starts both.
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
            return Text(new UTF32Encoding(bigEndian: false, byteOrderMark: false).GetString(bytes[4..]), "utf-32le");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
            return Text(new UTF32Encoding(bigEndian: true, byteOrderMark: false).GetString(bytes[4..]), "utf-32be");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return DecodeUtf8OrWindows1252(bytes[3..], "utf-8-bom");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return Text(Encoding.Unicode.GetString(bytes[2..]), "utf-16le");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return Text(Encoding.BigEndianUnicode.GetString(bytes[2..]), "utf-16be");
        if (Utf16WithoutBom(bytes) is { } bigEndian)
            return bigEndian ? Text(Encoding.BigEndianUnicode.GetString(bytes), "utf-16be") : Text(Encoding.Unicode.GetString(bytes), "utf-16le");
        if (BinaryReason(bytes) is { } why) return Binary(why);
        return DecodeUtf8OrWindows1252(bytes, "utf-8");
    }

    static DecodedText Binary(string why) => new("", "binary", true, why);

    static DecodedText DecodeUtf8OrWindows1252(ReadOnlySpan<byte> bytes, string utf8Name)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes)) return Text(StrictUtf8.GetString(bytes), utf8Name);
        var (valid, invalid) = CountUtf8Sequences(bytes);
        // Windows-1252 text almost never forms valid multi-byte sequences; UTF-8 with a damaged byte or a cut-off
        // last character has many good ones. Decoding the latter as 1252 would garble every non-ASCII letter.
        if (valid >= 2 * invalid) return Text(LenientUtf8.GetString(bytes), utf8Name);
        return Text(Windows1252(bytes), "windows-1252");
    }

    /// <summary>Valid non-ASCII UTF-8 sequences and invalid ones (each maximal invalid run counts once).</summary>
    static (int Valid, int Invalid) CountUtf8Sequences(ReadOnlySpan<byte> bytes)
    {
        int valid = 0, invalid = 0;
        while (!bytes.IsEmpty)
        {
            var status = Rune.DecodeFromUtf8(bytes, out var rune, out int consumed);
            if (status == OperationStatus.Done) { if (rune.Value >= 0x80) valid++; }
            else invalid++;
            bytes = bytes[Math.Max(1, consumed)..];
        }
        return (valid, invalid);
    }

    /// <summary>Little- (false) or big-endian (true) UTF-16 without a BOM, recognised in mostly-Latin text by the
    /// zero high bytes of its characters; null otherwise.</summary>
    static bool? Utf16WithoutBom(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..(Math.Min(bytes.Length, SniffBytes) & ~1)];
        if (head.Length < 8) return null;
        int zeroEven = 0, zeroOdd = 0;
        for (int i = 0; i < head.Length; i += 2)
        {
            if (head[i] == 0) zeroEven++;
            if (head[i + 1] == 0) zeroOdd++;
        }
        int pairs = head.Length / 2;
        if (zeroOdd * 10 >= pairs * 4 && zeroEven * 20 < pairs) return false;
        if (zeroEven * 10 >= pairs * 4 && zeroOdd * 20 < pairs) return true;
        return null;
    }

    static DecodedText Text(string s, string encoding)
    {
        // A file whose decoded characters are largely control characters (a NUL-laden binary that happens to start
        // with FF FE, say) is binary too.
        var head = s.AsSpan(0, Math.Min(s.Length, SniffBytes));
        int controls = 0;
        foreach (var c in head)
            if (c < ' ' && c is not ('\n' or '\r' or '\t' or '\f' or '\v')) controls++;
        if (controls > 0 && controls * 20 > head.Length) return Binary("control characters");
        return new DecodedText(Normalize(s), encoding);
    }

    /// <summary>Why the bytes are not text, or null: a NUL byte or a high share of control bytes in the first 8 KB.</summary>
    static string? BinaryReason(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, SniffBytes)];
        int controls = 0;
        foreach (var b in head)
        {
            if (b == 0) return "NUL bytes";
            if (b < 0x20 && b is not ((byte)'\n' or (byte)'\r' or (byte)'\t' or 0x0B or 0x0C)) controls++;
        }
        return head.Length > 0 && controls * 20 > head.Length ? "control characters" : null;
    }

    /// <summary>
    /// The form every text is stored in: LF line ends (CRLF, CR, NEL, vertical tab, form feed and the Unicode line
    /// separator become LF; the paragraph separator a blank line); no NUL, byte-order marks (U+FEFF anywhere) or
    /// soft hyphens (invisible, and they split words: "Ukra\u00ADina" must match "Ukraina"); lone surrogates become
    /// U+FFFD; NFC. Returns <paramref name="s"/> itself when nothing changes.
    /// </summary>
    public static string Normalize(string s)
    {
        if (NeedsCleaning(s)) s = Clean(s);
        return Nfc.Normalize(s);
    }

    static bool NeedsCleaning(string s)
    {
        foreach (var c in s)
            if (c is '\r' or '\0' or '\v' or '\f' or '\u0085' or '\u2028' or '\u2029' or '\uFEFF' or '\u00AD' || char.IsSurrogate(c))
                return true;
        return false;
    }

    static string Clean(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            switch (c)
            {
                case '\r':
                    sb.Append('\n');
                    if (i + 1 < s.Length && s[i + 1] == '\n') i++;
                    break;
                case '\v' or '\f' or '\u0085' or '\u2028':
                    sb.Append('\n');
                    break;
                case '\u2029':
                    sb.Append("\n\n");
                    break;
                case '\0' or '\uFEFF' or '\u00AD':
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { sb.Append(c).Append(s[++i]); break; }
                    sb.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
                    break;
            }
        }
        return sb.ToString();
    }

    // Windows-1252 without System.Text.Encoding.CodePages: Latin-1 with the 0x80–0x9F block remapped (the five
    // bytes 1252 leaves undefined keep their C1 code points, as Windows does).
    static readonly char[] High1252 =
    [
        '\u20AC', '\u0081', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021', '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008D', '\u017D', '\u008F',
        '\u0090', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014', '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\u009D', '\u017E', '\u0178',
    ];

    static string Windows1252(ReadOnlySpan<byte> bytes)
    {
        var chars = bytes.Length <= 4096 ? stackalloc char[bytes.Length] : new char[bytes.Length];
        for (int i = 0; i < bytes.Length; i++)
        {
            byte b = bytes[i];
            chars[i] = b is >= 0x80 and <= 0x9F ? High1252[b - 0x80] : (char)b;
        }
        return new string(chars);
    }
}
