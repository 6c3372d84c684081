namespace Cql.Engine.Quotes;

/// <summary>A stretch of text between quote marks: the marks' offsets (Close -1 when the quote was never closed),
/// the quoted words' range, and its nesting.</summary>
internal sealed record MarkedSpan(int Open, int Close, int ContentStart, int ContentEnd, int Depth, int Parent, bool Unclosed);

/// <summary>
/// Finds quotations between marks in one paragraph, whatever the convention: « » (no, fr, it, es), » « (da, de),
/// » » (sv), „ “ and ‚ ‘ (de), ” ” (sv, fi), “ ” and " " (en and everywhere), ‹ ›, nested. A mark's direction comes
/// from what flanks it (a space before and a letter after opens), so “ closes in German and opens in English without
/// knowing the language; only guillemets between spaces (French) fall back to the language's habit. Apostrophes
/// inside words are not marks. A quote never runs past its paragraph: one left open ends at the paragraph's end when
/// it opened the paragraph, followed a colon, or opened a sentence as the paragraph's last mark (a quotation of several
/// paragraphs closes only in its last), else at the end of its sentence.
/// </summary>
internal static class QuoteScanner
{
    readonly record struct Mark(int Pos, char Glyph, bool CanOpen, bool CanClose);

    public static List<MarkedSpan> Scan(string text, int start, int end, bool reversedGuillemets)
    {
        var marks = new List<Mark>();
        for (int i = start; i < end; i++)
            if (QuoteTokenizer.IsQuoteChar(text[i]) && Classify(text, i, start, end, reversedGuillemets) is { } m) marks.Add(m);

        var spans = new List<MarkedSpan>();
        var stack = new List<(Mark M, int Depth)>();
        for (int k = 0; k < marks.Count; k++)
        {
            var m = marks[k];
            int match = -1;
            if (m.CanClose)
                for (int s = stack.Count - 1; s >= 0 && s >= stack.Count - 2; s--)
                    if (Closes(stack[s].M.Glyph, m.Glyph)) { match = s; break; }
            if (match >= 0)
            {
                var open = stack[match].M;
                // Openers left inside the one now closed were strays (a lone mark, an apostrophe at a word's end).
                stack.RemoveRange(match, stack.Count - match);
                Add(spans, text, open.Pos, m.Pos, match, unclosed: false);
                continue;
            }
            if (m.CanOpen && (!IsSingle(m.Glyph) || HasCloserAhead(marks, k)))
                stack.Add((m, stack.Count));
        }
        // Only the outermost quote left open gets a fallback end; marks left open inside it were strays.
        if (stack.Count > 0)
        {
            var open = stack[0].M;
            // A quote that opens a sentence and is the paragraph's last mark goes on into the next paragraph, the way
            // newsrooms write a quotation of several paragraphs (no closing mark until its last one).
            bool runsOn = OpensParagraphOrFollowsColon(text, start, open.Pos)
                || open.Pos == marks[^1].Pos && OpensSentence(text, start, open.Pos);
            int fallbackEnd = runsOn ? end : SentenceEnd(text, open.Pos + 1, end);
            Add(spans, text, open.Pos, fallbackEnd, 0, unclosed: true);
        }
        spans.Sort((a, b) => a.Open.CompareTo(b.Open));
        // Parents: the nearest enclosing span.
        for (int i = 0; i < spans.Count; i++)
        {
            int parent = -1;
            for (int p = i - 1; p >= 0; p--)
                if (spans[p].Open < spans[i].Open && spans[p].ContentEnd >= spans[i].ContentEnd) { parent = p; break; }
            if (parent >= 0 || spans[i].Depth > 0) spans[i] = spans[i] with { Parent = parent, Depth = parent < 0 ? 0 : spans[parent].Depth + 1 };
        }
        return spans;
    }

    static void Add(List<MarkedSpan> spans, string text, int open, int close, int depth, bool unclosed)
    {
        int s = open + 1, e = close;
        while (s < e && QuoteTokenizer.IsSpace(text[s])) s++;
        while (e > s && (QuoteTokenizer.IsSpace(text[e - 1]) || text[e - 1] == ',')) e--;
        if (e <= s || !HasLetterOrDigit(text, s, e)) return;
        spans.Add(new MarkedSpan(open, unclosed ? -1 : close, s, e, depth, -1, unclosed));
    }

    static bool HasLetterOrDigit(string text, int s, int e)
    {
        for (int i = s; i < e; i++) if (char.IsLetterOrDigit(text[i])) return true;
        return false;
    }

    static Mark? Classify(string text, int i, int start, int end, bool reversed)
    {
        char c = text[i];
        char prev = i > start ? text[i - 1] : ' ';
        char next = i + 1 < end ? text[i + 1] : ' ';
        bool single = IsSingle(c);
        // Apostrophes: l’Ucraina, Moscow’s, '90s, 's avonds.
        if (c is '’' or '\'')
        {
            if (char.IsLetterOrDigit(prev) && char.IsLetter(next)) return null;
            if (char.IsDigit(next)) return null;
            if (!char.IsLetterOrDigit(prev) && next == 's' && (i + 2 >= end || !char.IsLetter(text[i + 2]))) return null;
        }
        bool guillemet = c is '«' or '»' or '‹' or '›';
        // Guillemets may stand apart from their words by a (no-break) space, as in French.
        char nextWord = next, prevWord = prev;
        if (guillemet)
        {
            int n = i + 1;
            while (n < end && QuoteTokenizer.IsSpace(text[n]) && n - i <= 2) n++;
            nextWord = n < end ? text[n] : ' ';
            int p = i - 1;
            while (p >= start && QuoteTokenizer.IsSpace(text[p]) && i - p <= 2) p--;
            prevWord = p >= start ? text[p] : ' ';
        }
        bool left = !QuoteTokenizer.IsSpace(nextWord) && !IsClosingPunct(nextWord) && (QuoteTokenizer.IsSpace(prev) || IsOpeningContext(prev));
        bool right = !QuoteTokenizer.IsSpace(prevWord) && !IsOpeningContext(prevWord) && (QuoteTokenizer.IsSpace(next) || IsClosingPunct(next) || QuoteTokenizer.IsQuoteChar(next) || QuoteTokenizer.IsDashChar(next) || next == ')');
        if (guillemet && left && right)
        {
            // Spaces on both sides: the language's habit decides.
            bool opens = c is '«' or '‹' ? !reversed : reversed;
            return new Mark(i, c, opens, !opens);
        }
        return c switch
        {
            // A „ with nothing after it is a broken closer ("… geworden ist. „"); one set apart from its first word by a
            // space opens ("sagte er: „ Wir …“") unless a quotation it may close is open ("… Bürger. „ Die …").
            '„' => new Mark(i, c, left || SpacedOpener(text, i, start, end), right || !left),
            '‚' => new Mark(i, c, left, false),
            _ when single && !left && !right => null,
            _ => new Mark(i, c, left, right || (!left && !QuoteTokenizer.IsSpace(prevWord))),
        };
    }

    /// <summary>A mark after a space (or an opening context) and before one space and a letter or digit.</summary>
    static bool SpacedOpener(string text, int i, int start, int end)
    {
        char prev = i > start ? text[i - 1] : ' ';
        return (QuoteTokenizer.IsSpace(prev) || IsOpeningContext(prev)) && i + 2 < end && QuoteTokenizer.IsSpace(text[i + 1]) && char.IsLetterOrDigit(text[i + 2]);
    }

    static bool IsSingle(char c) => c is '‚' or '‘' or '’' or '\'' or '‹' or '›';
    static bool IsOpeningContext(char c) => c is '(' or '[' or '{' or '/' || QuoteTokenizer.IsQuoteChar(c) || QuoteTokenizer.IsDashChar(c) || c == '-';
    static bool IsClosingPunct(char c) => c is '.' or ',' or ';' or ':' or '!' or '?' or '…' or ')' or ']';

    static bool Closes(char open, char close) => open switch
    {
        '«' => close == '»',
        '»' => close is '«' or '»',
        '‹' => close == '›',
        '›' => close is '‹' or '›',
        '„' => close is '“' or '”' or '"' or '„',
        '“' => close is '”' or '“' or '"',
        '”' => close is '”' or '"' or '“',
        '"' => close is '"' or '”' or '“',
        '‚' => close is '‘' or '’' or '\'',
        '‘' => close is '’' or '‘' or '\'',
        '’' => close == '’',
        '\'' => close is '\'' or '’',
        _ => false,
    };

    static bool HasCloserAhead(List<Mark> marks, int k)
    {
        for (int j = k + 1; j < marks.Count; j++)
            if (marks[j].CanClose && Closes(marks[k].Glyph, marks[j].Glyph)) return true;
        return false;
    }

    static bool OpensParagraphOrFollowsColon(string text, int start, int pos)
    {
        int p = pos - 1;
        while (p >= start && QuoteTokenizer.IsSpace(text[p])) p--;
        return p < start || text[p] == ':' || QuoteTokenizer.IsDashChar(text[p]);
    }

    /// <summary>The mark at <paramref name="pos"/> follows a sentence's end (". “That is …").</summary>
    static bool OpensSentence(string text, int start, int pos)
    {
        int p = pos - 1;
        if (p < start || !QuoteTokenizer.IsSpace(text[p])) return false;
        while (p >= start && QuoteTokenizer.IsSpace(text[p])) p--;
        return p >= start && text[p] is '.' or '!' or '?';
    }

    /// <summary>The end of the sentence that starts at or before <paramref name="from"/>: after . ! ? followed by a
    /// space and a capital, or the paragraph's end.</summary>
    static int SentenceEnd(string text, int from, int end)
    {
        for (int i = from; i < end; i++)
            if (text[i] is '.' or '!' or '?' && (i + 1 >= end || (i + 2 < end && QuoteTokenizer.IsSpace(text[i + 1]) && char.IsUpper(text[i + 2]))))
                return i + 1;
        return end;
    }
}
