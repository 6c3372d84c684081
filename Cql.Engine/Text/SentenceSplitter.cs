using Cql.Engine.Ingest;

namespace Cql.Engine.Text;

/// <summary>
/// Splits a paragraph into sentences: after . ! ? … (and closing quotes or brackets that follow them) when the next
/// word starts with an upper-case letter, a digit or an opening quote. Ranges lie inside the paragraph, exclude
/// surrounding whitespace, and cover every non-blank character of it in order.
/// </summary>
public static class SentenceSplitter
{
    public static void Split(string text, TextRange paragraph, string lang, List<TextRange> into)
    {
        int start = paragraph.Start, i = paragraph.Start, end = paragraph.End;
        while (i < end)
        {
            char c = text[i];
            if (c is '.' or '!' or '?' or '…')
            {
                int j = i + 1;
                while (j < end && (text[j] is '.' or '!' or '?' or '…' || IsCloser(text[j]))) j++;
                int k = j;
                while (k < end && char.IsWhiteSpace(text[k])) k++;
                if (k > j && k < end && StartsSentence(text[k]))
                {
                    Add(text, start, j, into);
                    start = k;
                    i = k;
                    continue;
                }
                i = j;
                continue;
            }
            i++;
        }
        Add(text, start, end, into);
    }

    static bool IsCloser(char c) => c is '"' or '\'' or ')' or ']' or '»' or '«' or '”' or '“' or '’';
    static bool StartsSentence(char c) => char.IsUpper(c) || char.IsDigit(c) || c is '"' or '«' or '»' or '“' or '„' or '”' or '–' or '—' or '(';

    static void Add(string text, int start, int end, List<TextRange> into)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (end > start) into.Add(new TextRange(start, end));
    }
}
