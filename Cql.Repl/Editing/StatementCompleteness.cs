namespace Cql.Repl.Editing;

/// <summary>Decides whether typed text is a whole statement or continues on the next line.</summary>
public static class StatementCompleteness
{
    /// <summary>True while a bracket or a string is open, or the last line ends with '|'. Comments (--) are ignored.</summary>
    public static bool NeedsMore(string text)
    {
        int depth = 0;
        bool inString = false;
        char lastSignificant = '\0';
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (inString)
            {
                if (c == '\\') { i++; continue; }
                if (c == '"') inString = false;
                continue;
            }
            if (c == '-' && i + 1 < text.Length && text[i + 1] == '-')
            {
                while (i < text.Length && text[i] != '\n') i++;
                continue;
            }
            if (c == '"') inString = true;
            else if (c is '(' or '[') depth++;
            else if (c is ')' or ']') depth = Math.Max(0, depth - 1);
            if (!char.IsWhiteSpace(c)) lastSignificant = c;
        }
        return inString || depth > 0 || lastSignificant == '|';
    }
}
