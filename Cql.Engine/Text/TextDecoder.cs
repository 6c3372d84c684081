using System.Text;

namespace Cql.Engine.Text;

/// <summary>The text of an input file, or why it is not text.</summary>
public sealed record DecodedText(string Text, string Encoding, bool IsBinary = false, string? BinaryReason = null);

/// <summary>
/// Bytes → normalised text: UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252 for bytes that are
/// not valid UTF-8. Files with NUL bytes or many control characters are binary. Text comes out NFC with LF line ends.
/// </summary>
public static class TextDecoder
{
    static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    static readonly Encoding Windows1252 = CreateWindows1252();

    public static DecodedText Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
            return Text(DecodeUtf8Lenient(bytes[3..]), "utf-8-bom");
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE)
            return Text(Encoding.Unicode.GetString(bytes[2..]), "utf-16le");
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF)
            return Text(Encoding.BigEndianUnicode.GetString(bytes[2..]), "utf-16be");
        if (BinaryReason(bytes) is { } why) return new DecodedText("", "binary", true, why);
        try
        {
            return Text(StrictUtf8.GetString(bytes), "utf-8");
        }
        catch (DecoderFallbackException)
        {
            return Text(Windows1252.GetString(bytes), "windows-1252");
        }
    }

    static DecodedText Text(string s, string encoding)
    {
        // A UTF-16 file without text-like content (a NUL-laden binary that happens to start with FF FE) is binary too.
        int controls = 0;
        foreach (var c in s.AsSpan(0, Math.Min(s.Length, 8192)))
            if (c == '\0' || (c < ' ' && c is not ('\n' or '\r' or '\t' or '\f'))) controls++;
        if (controls > 0 && controls * 20 > Math.Min(s.Length, 8192))
            return new DecodedText("", "binary", true, "control characters");
        return new DecodedText(Normalize(s), encoding);
    }

    static string DecodeUtf8Lenient(ReadOnlySpan<byte> bytes)
    {
        try { return StrictUtf8.GetString(bytes); }
        catch (DecoderFallbackException) { return Windows1252.GetString(bytes); }
    }

    /// <summary>Why the bytes are not text, or null: a NUL byte or a high share of control bytes in the first 8 KB.</summary>
    static string? BinaryReason(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 8192)];
        int controls = 0;
        foreach (var b in head)
        {
            if (b == 0) return "NUL bytes";
            if (b < 0x20 && b is not ((byte)'\n' or (byte)'\r' or (byte)'\t' or 0x0C)) controls++;
        }
        return controls * 20 > head.Length && head.Length > 0 ? "control characters" : null;
    }

    /// <summary>NFC, CRLF and CR → LF, no NUL characters, no BOM inside the text.</summary>
    public static string Normalize(string s)
    {
        if (s.Contains('\r')) s = s.Replace("\r\n", "\n").Replace('\r', '\n');
        if (s.Contains('\0')) s = s.Replace("\0", "");
        if (s.Length > 0 && s[0] == '\uFEFF') s = s[1..];
        return s.IsNormalized(NormalizationForm.FormC) ? s : s.Normalize(NormalizationForm.FormC);
    }

    // Windows-1252 without System.Text.Encoding.CodePages: Latin-1 with the 0x80–0x9F block remapped.
    static Encoding CreateWindows1252() => new Cp1252Encoding();

    sealed class Cp1252Encoding : Encoding
    {
        static readonly char[] High =
        [
            '\u20AC', '\u0081', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021', '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008D', '\u017D', '\u008F',
            '\u0090', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014', '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\u009D', '\u017E', '\u0178',
        ];
        public override string WebName => "windows-1252";
        public override int GetByteCount(char[] chars, int index, int count) => count;
        public override int GetBytes(char[] chars, int charIndex, int charCount, byte[] bytes, int byteIndex) =>
            throw new NotSupportedException("decoding only");
        public override int GetCharCount(byte[] bytes, int index, int count) => count;
        public override int GetChars(byte[] bytes, int byteIndex, int byteCount, char[] chars, int charIndex)
        {
            for (int i = 0; i < byteCount; i++)
            {
                byte b = bytes[byteIndex + i];
                chars[charIndex + i] = b is >= 0x80 and <= 0x9F ? High[b - 0x80] : (char)b;
            }
            return byteCount;
        }
        public override int GetMaxByteCount(int charCount) => charCount;
        public override int GetMaxCharCount(int byteCount) => byteCount;
    }
}
