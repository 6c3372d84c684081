using System.Globalization;
using System.Text;

namespace Cql.Engine.Storage;

/// <summary>
/// A small JSON reader for the manifest, which every query process opens before its first row: objects become
/// lists of (name, value) in document order, arrays lists, strings strings, numbers <see cref="JsonNumber"/>, and
/// true/false/null bool and null. System.Text.Json's first use cost ~13 ms of a 70 ms query (loading and
/// initialising the assembly, even for Utf8JsonReader); this costs well under one. Writing the manifest (once per
/// ingest) still uses the serializer. Malformed input throws <see cref="FormatException"/> with the byte offset.
/// </summary>
internal static class JsonTree
{
    /// <summary>A number as written; converted when asked for.</summary>
    public readonly record struct JsonNumber(string Text)
    {
        public long Int64 => long.Parse(Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        public int Int32 => int.Parse(Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
    }

    const int MaxDepth = 64;

    public static object? Parse(ReadOnlySpan<byte> utf8)
    {
        if (utf8.StartsWith("\uFEFF"u8)) utf8 = utf8[3..];
        int pos = 0;
        var value = Value(utf8, ref pos, 0);
        SkipSpace(utf8, ref pos);
        if (pos != utf8.Length) throw Error(pos, "text after the value");
        return value;
    }

    static object? Value(ReadOnlySpan<byte> s, ref int pos, int depth)
    {
        if (depth > MaxDepth) throw Error(pos, "nested too deep");
        SkipSpace(s, ref pos);
        if (pos >= s.Length) throw Error(pos, "a value expected");
        switch (s[pos])
        {
            case (byte)'{': return Object(s, ref pos, depth);
            case (byte)'[': return Array(s, ref pos, depth);
            case (byte)'"': return String(s, ref pos);
            case (byte)'t': Literal(s, ref pos, "true"u8); return true;
            case (byte)'f': Literal(s, ref pos, "false"u8); return false;
            case (byte)'n': Literal(s, ref pos, "null"u8); return null;
            default: return Number(s, ref pos);
        }
    }

    static List<(string Name, object? Value)> Object(ReadOnlySpan<byte> s, ref int pos, int depth)
    {
        var members = new List<(string, object?)>();
        pos++; // {
        SkipSpace(s, ref pos);
        if (pos < s.Length && s[pos] == '}') { pos++; return members; }
        while (true)
        {
            SkipSpace(s, ref pos);
            if (pos >= s.Length || s[pos] != '"') throw Error(pos, "a property name expected");
            var name = String(s, ref pos);
            SkipSpace(s, ref pos);
            Expect(s, ref pos, (byte)':');
            members.Add((name, Value(s, ref pos, depth + 1)));
            SkipSpace(s, ref pos);
            if (pos < s.Length && s[pos] == ',') { pos++; continue; }
            Expect(s, ref pos, (byte)'}');
            return members;
        }
    }

    static List<object?> Array(ReadOnlySpan<byte> s, ref int pos, int depth)
    {
        var items = new List<object?>();
        pos++; // [
        SkipSpace(s, ref pos);
        if (pos < s.Length && s[pos] == ']') { pos++; return items; }
        while (true)
        {
            items.Add(Value(s, ref pos, depth + 1));
            SkipSpace(s, ref pos);
            if (pos < s.Length && s[pos] == ',') { pos++; continue; }
            Expect(s, ref pos, (byte)']');
            return items;
        }
    }

    static string String(ReadOnlySpan<byte> s, ref int pos)
    {
        int start = ++pos; // after the opening quote
        // The common case, no escapes: one decode of the bytes between the quotes.
        while (pos < s.Length && s[pos] != '"' && s[pos] != '\\')
        {
            if (s[pos] < 0x20) throw Error(pos, "a control character in a string");
            pos++;
        }
        if (pos >= s.Length) throw Error(start - 1, "a string without its closing quote");
        if (s[pos] == '"') return Encoding.UTF8.GetString(s[start..pos++]);
        var text = new StringBuilder(Encoding.UTF8.GetString(s[start..pos]));
        while (true)
        {
            if (pos >= s.Length) throw Error(start - 1, "a string without its closing quote");
            byte b = s[pos];
            if (b == '"') { pos++; return text.ToString(); }
            if (b == '\\')
            {
                if (pos + 1 >= s.Length) throw Error(pos, "an escape at the end");
                char e = (char)s[pos + 1];
                pos += 2;
                switch (e)
                {
                    case '"': text.Append('"'); break;
                    case '\\': text.Append('\\'); break;
                    case '/': text.Append('/'); break;
                    case 'b': text.Append('\b'); break;
                    case 'f': text.Append('\f'); break;
                    case 'n': text.Append('\n'); break;
                    case 'r': text.Append('\r'); break;
                    case 't': text.Append('\t'); break;
                    case 'u':
                        if (pos + 4 > s.Length || !int.TryParse(s.Slice(pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out int code))
                            throw Error(pos, "a \\u escape without four hex digits");
                        text.Append((char)code); // surrogate pairs arrive as two escapes, appended in turn
                        pos += 4;
                        break;
                    default: throw Error(pos - 1, $"an unknown escape \\{e}");
                }
                continue;
            }
            if (b < 0x20) throw Error(pos, "a control character in a string");
            int run = pos;
            while (pos < s.Length && s[pos] != '"' && s[pos] != '\\' && s[pos] >= 0x20) pos++;
            text.Append(Encoding.UTF8.GetString(s[run..pos]));
        }
    }

    static JsonNumber Number(ReadOnlySpan<byte> s, ref int pos)
    {
        int start = pos;
        while (pos < s.Length && (s[pos] is (byte)'-' or (byte)'+' or (byte)'.' or (byte)'e' or (byte)'E' || (uint)(s[pos] - '0') <= 9)) pos++;
        if (pos == start) throw Error(pos, $"unexpected '{(char)s[pos]}'");
        var text = Encoding.ASCII.GetString(s[start..pos]);
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) throw Error(start, $"'{text}' is not a number");
        return new JsonNumber(text);
    }

    static void Literal(ReadOnlySpan<byte> s, ref int pos, ReadOnlySpan<byte> word)
    {
        if (!s[pos..].StartsWith(word)) throw Error(pos, "unexpected text");
        pos += word.Length;
    }

    static void Expect(ReadOnlySpan<byte> s, ref int pos, byte c)
    {
        if (pos >= s.Length || s[pos] != c) throw Error(pos, $"'{(char)c}' expected");
        pos++;
    }

    static void SkipSpace(ReadOnlySpan<byte> s, ref int pos)
    {
        while (pos < s.Length && s[pos] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r') pos++;
    }

    static FormatException Error(int pos, string what) => new($"{what} at byte {pos}");
}
