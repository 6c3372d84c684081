using System.Globalization;

namespace Cql.Engine.Statements;

/// <summary>
/// The numbers of a quote as values, however each language writes them: "6,200,000", "6.200.000", "6 200 000",
/// "6.2 million", "6,2 millioner" and "6,2 Millionen" are all 6200000; "38,5" is 38.5 outside English and "2.4" is 2.4
/// in it. Translations and edits write one number in all these ways; compared as written they would disagree.
/// </summary>
static class QuoteNumbers
{
    /// <summary>A number found in a text: the characters it covers (with its "million" word) and its value written
    /// without grouping or trailing zeros ("6200000", "38.5").</summary>
    public readonly record struct Number(int Start, int End, string Value);

    /// <summary>Appends the numbers of <paramref name="text"/> (of language <paramref name="lang"/>) in order. A word
    /// that mixes digits and letters ("3rd", "G7") is no number; digits whose separators fit no convention
    /// ("1.5.2024") are read one run at a time.</summary>
    public static void Read(string text, string lang, List<Number> into)
    {
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiDigit(text[i]) || (i > 0 && char.IsLetterOrDigit(text[i - 1]))) { i++; continue; }
            int end = Digits(text, i);
            if (end < text.Length && char.IsLetter(text[end]))
            {
                while (end < text.Length && char.IsLetterOrDigit(text[end])) end++;
                i = end;
                continue;
            }
            var (value, valueEnd) = Grouped(text, i, end, lang);
            var (multiplier, wordEnd) = Multiplier(text, valueEnd, lang);
            if (multiplier != 1) value *= multiplier;
            into.Add(new Number(i, multiplier != 1 ? wordEnd : valueEnd, Format(value)));
            i = valueEnd;
        }
    }

    static int Digits(string text, int i)
    {
        while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
        return i;
    }

    /// <summary>The value of the number starting at <paramref name="start"/> (its first run of digits ends at
    /// <paramref name="end"/>) and where it ends: thousands grouped by a space, a point or a comma (groups of three
    /// after a first of one to three digits), then perhaps a decimal part.</summary>
    static (decimal Value, int End) Grouped(string text, int start, int end, string lang)
    {
        decimal whole = decimal.Parse(text.AsSpan(start, end - start), CultureInfo.InvariantCulture);
        // In English a comma groups and a point marks decimals; in the other languages here it is the other way round.
        char decimalMark = lang == "en" ? '.' : ',';
        char group = '\0';
        int at = end;
        while (end - start <= 3 || group != '\0')
        {
            if (at + 4 > text.Length || !IsGroupMark(text[at]) || (group != '\0' && text[at] != group) || text[at] == decimalMark) break;
            int next = Digits(text, at + 1);
            if (next - (at + 1) != 3 || (next < text.Length && char.IsLetter(text[next]))) break;
            group = text[at];
            whole = whole * 1000 + decimal.Parse(text.AsSpan(at + 1, 3), CultureInfo.InvariantCulture);
            at = next;
        }
        if (at + 1 < text.Length && text[at] is '.' or ',' && char.IsAsciiDigit(text[at + 1]))
        {
            int next = Digits(text, at + 1);
            // The other language's decimal mark is a decimal mark too where it cannot group ("2.4" in a German text).
            bool isDecimal = text[at] == decimalMark || (group == '\0' && next - at - 1 != 3);
            if (isDecimal && (next == text.Length || !char.IsLetter(text[next])))
            {
                var fraction = decimal.Parse("0." + text.AsSpan(at + 1, next - at - 1).ToString(), CultureInfo.InvariantCulture);
                return (whole + fraction, next);
            }
        }
        return (whole, at);
    }

    static bool IsGroupMark(char c) => c is '.' or ',' or ' ' or '\u00A0' or '\u202F' or '\'';

    /// <summary>The factor of a "million" word after the number ("6,2 millioner", "38,5 Millionen"), 1 when none.</summary>
    static (decimal Factor, int End) Multiplier(string text, int at, string lang)
    {
        int i = at;
        while (i < text.Length && text[i] is ' ' or '\u00A0' or '\u202F') i++;
        int start = i;
        while (i < text.Length && char.IsLetter(text[i])) i++;
        if (i == start || i - start > 12) return (1, at);
        Span<char> word = stackalloc char[i - start];
        text.AsSpan(start, i - start).ToLowerInvariant(word);
        foreach (var million in Millions)
            if (word.StartsWith(million)) return (1_000_000m, i);
        foreach (var milliard in Milliards)
            if (word.StartsWith(milliard)) return (1_000_000_000m, i);
        // An English billion is a thousand million; a German "Billion" or Spanish "billón" is a million million.
        if (lang == "en" && word.StartsWith("billion")) return (1_000_000_000m, i);
        if (word is "mio" or "mln") return (1_000_000m, i);
        if (word is "mrd" or "bn") return (1_000_000_000m, i);
        return (1, at);
    }

    static readonly string[] Millions = ["million", "milion", "millón", "millon", "miljon", "miljoen"];
    static readonly string[] Milliards = ["milliard", "miliard"];

    static string Format(decimal value) => value.ToString("0.######", CultureInfo.InvariantCulture);
}
