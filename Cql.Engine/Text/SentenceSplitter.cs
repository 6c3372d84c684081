using System.Collections.Frozen;

namespace Cql.Engine.Text;

/// <summary>
/// Splits a paragraph into sentences. A sentence ends at . ! ? … (and their clusters: ?!, ...) followed by white
/// space and a new sentence's first character (a capital, a digit, a letter of a caseless script, an opening
/// quote, bracket or dialogue dash). Quotation marks and brackets right after the stop belong to the sentence
/// ending inside them (« … .» / “ … .” / „ … .“ / French « … . »). It does not end:
/// <list type="bullet">
/// <item>after abbreviations of the paragraph's language or the shared list (z. B., f.eks., bl.a., t.ex., Dr.,
/// ca., sig., U.S. …; see <see cref="Abbreviations"/>), after initials (J. R. R. Tolkien, George W. Bush);</item>
/// <item>after dotted ordinals ("seines 69. Geburtstages", "den 3. mars", "am 15. Juni");</item>
/// <item>inside numbers (3.5, 1.000) or names (kremlin.ru);</item>
/// <item>before an attribution: «Vi må samarbeide», sa hun. / “Will we win?” Smith asked.;</item>
/// <item>at an elision mark "(…)" or an ellipsis followed by lower case.</item>
/// </list>
/// A question mark followed by a lower-case word does end a sentence, unless a speech verb follows (informal
/// writing drops the capital; "Hvorfor? spurte hun" is one). Ranges lie inside the paragraph, exclude surrounding
/// white space, never overlap and cover every non-blank character of it in order; a piece without letters or
/// digits (a stray quotation mark) joins the sentence before it.
/// </summary>
public static class SentenceSplitter
{
    public static void Split(string text, TextRange paragraph, string lang, List<TextRange> into)
    {
        var abbreviations = Abbreviations.For(lang);
        int first = into.Count;
        int start = paragraph.Start, end = paragraph.End, i = paragraph.Start;
        bool sawLetter = false; // a letter in [start, i): "1. Først" or a stray mark is no sentence to end
        while (i < end)
        {
            if (!TextChars.IsSentenceEnd(text[i])) { sawLetter |= char.IsLetter(text[i]); i++; continue; }
            int stopStart = i, stopEnd = i;
            while (stopEnd < end && TextChars.IsSentenceEnd(text[stopEnd])) stopEnd++;
            int after = stopEnd;
            bool quoteClosed = false;
            while (after < end && (TextChars.IsClosingQuote(text[after]) || TextChars.IsClosingBracket(text[after])))
            {
                quoteClosed |= TextChars.IsClosingQuote(text[after]);
                after++;
            }
            // French spacing: "… gagnerons. »" — a guillemet after a space, itself followed by a space, closes.
            if (after < end && text[after] is ' ' or '\u00A0' or '\u202F' && after + 1 < end && text[after + 1] == '»'
                && (after + 2 >= end || TextChars.IsSpace(text[after + 2]) || char.IsPunctuation(text[after + 2])))
            {
                after += 2;
                quoteClosed = true;
            }
            int next = TextChars.SkipSpaces(text, after, end);
            if (next >= end) break;
            bool boundary = sawLetter && (next == after
                ? IsMissingSpaceBoundary(text, paragraph.Start, stopStart, stopEnd, after, end)
                : IsBoundary(text, paragraph.Start, stopStart, stopEnd, after, next, end, quoteClosed, abbreviations));
            if (boundary)
            {
                Add(text, start, after, into);
                start = next;
                sawLetter = false;
            }
            i = Math.Max(next, stopEnd);
        }
        Add(text, start, end, into);
        MergePiecesWithoutWords(text, into, first);
    }

    static bool IsBoundary(string text, int paragraphStart, int stopStart, int stopEnd, int after, int next, int end,
        bool quoteClosed, FrozenDictionary<string, AbbreviationKind>.AlternateLookup<ReadOnlySpan<char>> abbreviations)
    {
        char c = text[next];
        bool ellipsis = text[stopStart] == '…' || (stopEnd - stopStart >= 2 && text[stopStart] == '.' && text[stopStart + 1] == '.');
        if (ellipsis)
        {
            // "(…)" and "[...]" mark an elision inside a quotation.
            if (stopStart > paragraphStart && text[stopStart - 1] is '(' or '[') return false;
            return StartsSentence(c);
        }
        if (stopEnd - stopStart == 1 && text[stopStart] == '.' && after == stopEnd)
        {
            var verdict = FullStopAfterWord(text, paragraphStart, stopStart, next, end, abbreviations);
            if (verdict is not null) return verdict.Value;
        }
        if (char.IsLower(c)) return LowerCaseStartsSentence(text, stopStart, stopEnd, next, end, quoteClosed);
        if (quoteClosed && IsAttribution(text, next, end)) return false;
        return StartsSentence(c);
    }

    /// <summary>The verdict on a full stop straight after a word — an abbreviation, an initial, an ordinal — or null
    /// when the word is an ordinary one.</summary>
    static bool? FullStopAfterWord(string text, int paragraphStart, int stop, int next, int end,
        FrozenDictionary<string, AbbreviationKind>.AlternateLookup<ReadOnlySpan<char>> abbreviations)
    {
        int wordStart = stop;
        while (wordStart > paragraphStart && (char.IsLetterOrDigit(text[wordStart - 1]) || text[wordStart - 1] == '.'
            || (text[wordStart - 1] == '-' && wordStart - 2 >= paragraphStart && text[wordStart - 2] == '.')))
            wordStart--;
        while (wordStart < stop && text[wordStart] == '.') wordStart++;
        if (wordStart == stop) return null;
        var word = text.AsSpan(wordStart, stop - wordStart);
        char c = text[next];
        if (AllDigits(word))
            return word.Length <= 3 && IsOrdinal(text, paragraphStart, wordStart, next, end) ? false : null;
        if (word.Length == 1 && char.IsUpper(word[0]))
        {
            if (char.IsDigit(c) && Abbreviations.Lookup(abbreviations, word) == AbbreviationKind.BeforeNumber) return false;
            return IsInitial(text, paragraphStart, wordStart, next, end) ? false : null;
        }
        return Abbreviations.Lookup(abbreviations, word) switch
        {
            AbbreviationKind.NonFinal => false,
            AbbreviationKind.Final => StartsSentence(c),
            AbbreviationKind.Ambiguous => IsOpeningMark(c) || IsCapitalisedOpener(WordAt(text, next, end)),
            AbbreviationKind.BeforeNumber when char.IsDigit(c) => false,
            _ => null,
        };
    }

    /// <summary>"He", "Die", "Il" — not "ET" or "IL" (an acronym that happens to spell an opener).</summary>
    static bool IsCapitalisedOpener(ReadOnlySpan<char> word) =>
        SentenceCues.IsOpener(word) && (word.Length == 1 || !char.IsUpper(word[1]));

    /// <summary>"seines 69. Geburtstages", "am 15. Juni", "den 3. mars": a number of up to three digits written
    /// with a dot before a month, a lower-case word, or after a word that introduces ordinals.</summary>
    static bool IsOrdinal(string text, int paragraphStart, int numberStart, int next, int end)
    {
        if (char.IsLower(text[next])) return true;
        var nextWord = WordAt(text, next, end);
        if (nextWord.Length >= 3 && CalendarWords.Month(nextWord) > 0) return true;
        var before = WordBefore(text, paragraphStart, numberStart);
        return !before.IsEmpty && SentenceCues.IsOrdinalPreceder(before);
    }

    /// <summary>A capital letter with a full stop that is part of a name: J. R. R. Tolkien, George W. Bush, z. B.</summary>
    static bool IsInitial(string text, int paragraphStart, int letter, int next, int end)
    {
        int b = letter;
        while (b > paragraphStart && TextChars.IsSpace(text[b - 1])) b--;
        // Another initial or a short abbreviation before it: "J. R.", "z. B.", "Dr. A. Smith".
        if (b > paragraphStart && text[b - 1] == '.')
        {
            int w = b - 1;
            while (w > paragraphStart && char.IsLetter(text[w - 1])) w--;
            if (b - 1 - w is >= 1 and <= 3) return true;
        }
        // Another initial after it: "J. R. R.".
        if (next + 1 < end && char.IsUpper(text[next]) && text[next + 1] == '.') return true;
        if (!char.IsUpper(text[next])) return false;
        // Opening the sentence ("J. Smith sa") or after a capitalised name ("George W. Bush"), not "plan B. Han".
        var before = WordBefore(text, paragraphStart, letter);
        if (before.IsEmpty) return true;
        return char.IsUpper(before[0]) && !SentenceCues.IsOpener(before);
    }

    /// <summary>Lower case after a stop starts a sentence after a question mark (unless a speech verb follows:
    /// "Hvorfor? spurte hun") and before a word like "iPhone"; after a full stop, ! or an ellipsis it continues.</summary>
    static bool LowerCaseStartsSentence(string text, int stopStart, int stopEnd, int next, int end, bool quoteClosed)
    {
        var word = WordAt(text, next, end);
        if (word.Length >= 2 && char.IsUpper(word[1])) return true;
        if (quoteClosed) return false;
        bool question = text.AsSpan(stopStart, stopEnd - stopStart).IndexOfAny('?', '؟', '？') >= 0;
        if (!question || SentenceCues.IsSpeechVerb(word)) return false;
        if (SentenceCues.IsPronoun(word) && SentenceCues.IsSpeechVerb(WordAt(text, SkipWord(text, next, end), end))) return false;
        return true;
    }

    /// <summary>After a closed quotation, "Smith asked." / "Xi ha detto." : one to three name words, a speech verb,
    /// then the end of the sentence within two words.</summary>
    static bool IsAttribution(string text, int i, int end)
    {
        for (int words = 0; words < 4 && i < end; words++)
        {
            var word = WordAt(text, i, end);
            if (word.IsEmpty) return false;
            int after = i + word.Length;
            if (SentenceCues.IsSpeechVerb(word)) return words > 0 && SentenceEndsSoon(text, after, end);
            if (!char.IsUpper(word[0]) && words == 0 || SentenceCues.IsOpener(word)) return false;
            if (after < end && !TextChars.IsSpace(text[after])) return false;
            i = TextChars.SkipSpaces(text, after, end);
        }
        return false;
    }

    static bool SentenceEndsSoon(string text, int i, int end)
    {
        for (int words = 0; words <= 2; words++)
        {
            if (i >= end || text[i] is ',' or ';' or ':' || TextChars.IsSentenceEnd(text[i])) return true;
            i = TextChars.SkipSpaces(text, i, end);
            if (i >= end) return true;
            var word = WordAt(text, i, end);
            if (word.IsEmpty) return TextChars.IsSentenceEnd(text[i]) || text[i] is ',' or ';';
            i += word.Length;
        }
        return i >= end || TextChars.IsSentenceEnd(text[i]) || text[i] is ',' or ';';
    }

    /// <summary>"slutt.Neste setning": a missing space between a lower-case word and a capitalised one.</summary>
    static bool IsMissingSpaceBoundary(string text, int paragraphStart, int stopStart, int stopEnd, int next, int end)
    {
        if (stopEnd - stopStart != 1 || text[stopStart] is not ('.' or '!' or '?')) return false;
        if (stopStart - paragraphStart < 3 || !char.IsLower(text[stopStart - 1]) || !char.IsLower(text[stopStart - 2]) || !char.IsLower(text[stopStart - 3]))
            return false;
        if (next + 2 >= end || !char.IsUpper(text[next]) || !char.IsLower(text[next + 1]) || !char.IsLower(text[next + 2])) return false;
        // "www.Example.com" is a name.
        int w = next;
        while (w < end && char.IsLetter(text[w])) w++;
        return !(w + 1 < end && text[w] == '.' && char.IsLetter(text[w + 1]));
    }

    static bool StartsSentence(char c) =>
        char.IsUpper(c) || char.IsDigit(c) || TextChars.IsCaselessLetter(c) || IsOpeningMark(c);

    static bool IsOpeningMark(char c) =>
        TextChars.IsOpeningQuote(c) || TextChars.IsDash(c) || c is '(' or '[' or '¿' or '¡' or '•' or '-';

    static ReadOnlySpan<char> WordAt(string text, int i, int end)
    {
        int e = i;
        while (e < end && (char.IsLetterOrDigit(text[e]) || (e > i && text[e] is '-' or '\'' or '’' && e + 1 < end && char.IsLetter(text[e + 1])))) e++;
        return text.AsSpan(i, e - i);
    }

    static int SkipWord(string text, int i, int end)
    {
        i += WordAt(text, i, end).Length;
        return TextChars.SkipSpaces(text, i, end);
    }

    /// <summary>The word ending before <paramref name="i"/> (spaces skipped), or empty.</summary>
    static ReadOnlySpan<char> WordBefore(string text, int paragraphStart, int i)
    {
        int e = i;
        while (e > paragraphStart && TextChars.IsSpace(text[e - 1])) e--;
        int s = e;
        while (s > paragraphStart && char.IsLetterOrDigit(text[s - 1])) s--;
        return text.AsSpan(s, e - s);
    }

    static bool AllDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s) if (!char.IsDigit(c)) return false;
        return true;
    }

    static void Add(string text, int start, int end, List<TextRange> into)
    {
        (start, end) = TextChars.Trim(text, start, end);
        if (end > start) into.Add(new TextRange(start, end));
    }

    /// <summary>A piece without letters or digits (a stray closing mark, "„") joins the sentence before it, or the
    /// one after it when it comes first.</summary>
    static void MergePiecesWithoutWords(string text, List<TextRange> sentences, int first)
    {
        for (int k = first; k < sentences.Count && sentences.Count - first > 1; k++)
        {
            var s = sentences[k];
            if (TextChars.HasLetterOrDigit(text.AsSpan(s.Start, s.Length))) continue;
            if (k > first)
            {
                sentences[k - 1] = new TextRange(sentences[k - 1].Start, s.End);
                sentences.RemoveAt(k);
            }
            else
            {
                sentences[k + 1] = new TextRange(s.Start, sentences[k + 1].End);
                sentences.RemoveAt(k);
            }
            k--;
        }
    }
}
