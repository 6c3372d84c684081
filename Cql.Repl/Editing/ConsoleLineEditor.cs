using System.Text;

namespace Cql.Repl.Editing;

/// <summary>
/// A small line editor for terminals: cursor movement and word editing, history (Up/Down, Ctrl+R reverse search),
/// Tab completion, and multi-line statements: Enter reads another line while <see cref="StatementCompleteness"/> says
/// the text is unfinished, or while more input is already waiting (a pasted block is read whole, so its lines join
/// as they would in `cql run`, a next line starting with '|' included).
/// Written here because RadLine 0.6 (the editor in our registry) has no reverse search and no documentation; the
/// interface keeps it swappable. Long lines scroll horizontally, so narrow terminals never garble the prompt.
/// </summary>
public sealed class ConsoleLineEditor(History history, ICompletionSource? completion, SyntaxHighlighter? highlighter = null) : ILineEditor
{
    readonly StringBuilder _line = new();
    int _cursor;
    string _prompt = "";

    public string? ReadStatement(string prompt, string continuationPrompt)
    {
        var lines = new List<string>();
        bool oldTreat = Console.TreatControlCAsInput;
        Console.TreatControlCAsInput = true;
        try
        {
            while (true)
            {
                var line = ReadLine(lines.Count == 0 ? prompt : continuationPrompt, lines);
                if (line is null) return lines.Count == 0 ? null : string.Join('\n', lines);
                lines.Add(line);
                var text = string.Join('\n', lines);
                // Keys already waiting after Enter are a paste (nobody types that fast): read on, so the block is
                // split into statements as a script would be rather than run line by line.
                if (!StatementCompleteness.NeedsMore(text) && !Console.KeyAvailable)
                {
                    history.Add(text.Replace('\n', ' '));
                    return text;
                }
            }
        }
        finally
        {
            Console.TreatControlCAsInput = oldTreat;
        }
    }

    string? ReadLine(string prompt, List<string> previous)
    {
        _prompt = prompt;
        _line.Clear();
        _cursor = 0;
        int historyIndex = history.Entries.Count;
        string pending = "";
        Render();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            bool ctrl = (key.Modifiers & ConsoleModifiers.Control) != 0;
            switch (key.Key)
            {
                case ConsoleKey.Enter:
                    Console.Write('\n');
                    return _line.ToString();
                case ConsoleKey.LeftArrow when ctrl: _cursor = WordLeft(); break;
                case ConsoleKey.RightArrow when ctrl: _cursor = WordRight(); break;
                case ConsoleKey.LeftArrow: if (_cursor > 0) _cursor--; break;
                case ConsoleKey.RightArrow: if (_cursor < _line.Length) _cursor++; break;
                case ConsoleKey.Home: _cursor = 0; break;
                case ConsoleKey.End: _cursor = _line.Length; break;
                case ConsoleKey.Backspace: if (_cursor > 0) _line.Remove(--_cursor, 1); break;
                case ConsoleKey.Delete: if (_cursor < _line.Length) _line.Remove(_cursor, 1); break;
                case ConsoleKey.UpArrow:
                    if (historyIndex == history.Entries.Count) pending = _line.ToString();
                    if (historyIndex > 0) Set(history.Entries[--historyIndex]);
                    break;
                case ConsoleKey.DownArrow:
                    if (historyIndex < history.Entries.Count)
                        Set(++historyIndex == history.Entries.Count ? pending : history.Entries[historyIndex]);
                    break;
                case ConsoleKey.Tab: Complete(previous); break;
                case ConsoleKey.Escape: _line.Clear(); _cursor = 0; break;
                default:
                    if (ctrl)
                    {
                        switch (key.Key)
                        {
                            case ConsoleKey.A: _cursor = 0; break;
                            case ConsoleKey.E: _cursor = _line.Length; break;
                            case ConsoleKey.B: if (_cursor > 0) _cursor--; break;
                            case ConsoleKey.F: if (_cursor < _line.Length) _cursor++; break;
                            case ConsoleKey.K: _line.Remove(_cursor, _line.Length - _cursor); break;
                            case ConsoleKey.U: _line.Remove(0, _cursor); _cursor = 0; break;
                            case ConsoleKey.W: { int s = WordLeft(); _line.Remove(s, _cursor - s); _cursor = s; break; }
                            case ConsoleKey.L: Console.Write("\x1b[2J\x1b[H"); break;
                            case ConsoleKey.D:
                                if (_line.Length == 0) { Console.Write('\n'); return null; }
                                if (_cursor < _line.Length) _line.Remove(_cursor, 1);
                                break;
                            case ConsoleKey.C:
                                // Ctrl+C at the prompt abandons what was typed, as in a shell.
                                Console.Write("^C\n");
                                previous.Clear();
                                _prompt = prompt;
                                _line.Clear();
                                _cursor = 0;
                                break;
                            case ConsoleKey.R: ReverseSearch(ref historyIndex); break;
                        }
                    }
                    else if (key.KeyChar != '\0' && !char.IsControl(key.KeyChar))
                    {
                        _line.Insert(_cursor++, key.KeyChar);
                    }
                    break;
            }
            Render();
        }
    }

    void Set(string s)
    {
        _line.Clear().Append(s.Replace('\n', ' '));
        _cursor = _line.Length;
    }

    int WordLeft()
    {
        int i = _cursor;
        while (i > 0 && _line[i - 1] == ' ') i--;
        while (i > 0 && _line[i - 1] != ' ') i--;
        return i;
    }

    int WordRight()
    {
        int i = _cursor;
        while (i < _line.Length && _line[i] == ' ') i++;
        while (i < _line.Length && _line[i] != ' ') i++;
        return i;
    }

    void Complete(List<string> previous)
    {
        if (completion is null) return;
        int start = _cursor;
        while (start > 0 && (char.IsLetterOrDigit(_line[start - 1]) || _line[start - 1] is '_' or '.' or ':')) start--;
        // A path being typed in a string (read "data/out⇥") is one word from its opening quote.
        if (OpenQuote(_line.ToString(0, _cursor)) is int quote && quote < start) start = quote;
        // An opening quote belongs to the word: values with spaces are offered quoted ("Xi Jinping").
        if (start > 0 && _line[start - 1] == '"') start--;
        var word = _line.ToString(start, _cursor - start);
        var before = string.Join('\n', previous) + (previous.Count > 0 ? "\n" : "") + _line.ToString(0, _cursor);
        var options = completion.Complete(before, word);
        if (options.Count == 0) return;
        var common = options[0];
        foreach (var o in options)
        {
            int k = 0;
            while (k < common.Length && k < o.Length && char.ToLowerInvariant(common[k]) == char.ToLowerInvariant(o[k])) k++;
            common = common[..k];
        }
        // One option is taken whole, and a space follows it, unless it is a folder to go on typing into.
        if (options.Count == 1) common = options[0].EndsWith('/') ? options[0] : options[0] + " ";
        if (common.Length > word.Length || options.Count == 1)
        {
            _line.Remove(start, _cursor - start).Insert(start, common);
            _cursor = start + common.Length;
        }
        else
        {
            Console.Write('\n');
            Console.WriteLine(string.Join("  ", options.Take(60)) + (options.Count > 60 ? $"  … ({options.Count} in all)" : ""));
        }
    }

    /// <summary>Where the string the cursor is in opens (a '"' with no closing one after it); null outside strings.</summary>
    static int? OpenQuote(string before)
    {
        int? open = null;
        for (int i = 0; i < before.Length; i++)
            if (before[i] == '\\' && open is not null) i++;
            else if (before[i] == '"') open = open is null ? i : null;
        return open;
    }

    void ReverseSearch(ref int historyIndex)
    {
        var needle = new StringBuilder();
        int found = history.Entries.Count;
        while (true)
        {
            var shown = found < history.Entries.Count ? history.Entries[found] : "";
            RenderRaw($"(reverse-i-search)`{needle}': ", shown, shown.Length);
            var key = Console.ReadKey(intercept: true);
            bool ctrl = (key.Modifiers & ConsoleModifiers.Control) != 0;
            if (ctrl && key.Key == ConsoleKey.R)
            {
                int next = history.SearchBackward(needle.ToString(), found);
                if (next >= 0) found = next;
            }
            else if ((ctrl && key.Key is ConsoleKey.G or ConsoleKey.C) || key.Key == ConsoleKey.Escape) return;
            else if (key.Key == ConsoleKey.Backspace) { if (needle.Length > 0) needle.Length--; found = history.SearchBackward(needle.ToString(), history.Entries.Count) is var i and >= 0 ? i : history.Entries.Count; }
            else if (key.Key is ConsoleKey.Enter or ConsoleKey.LeftArrow or ConsoleKey.RightArrow or ConsoleKey.Tab)
            {
                if (found < history.Entries.Count) { Set(history.Entries[found]); historyIndex = found; }
                return;
            }
            else if (key.KeyChar != '\0' && !char.IsControl(key.KeyChar))
            {
                needle.Append(key.KeyChar);
                int i = history.SearchBackward(needle.ToString(), history.Entries.Count);
                if (i >= 0) found = i;
            }
        }
    }

    void Render() => RenderRaw(_prompt, _line.ToString(), _cursor, highlighter);

    // Redraws the current line; when it is wider than the terminal, shows a window around the cursor.
    void RenderRaw(string prompt, string text, int cursor) => RenderRaw(prompt, text, cursor, null);

    static void RenderRaw(string prompt, string text, int cursor, SyntaxHighlighter? colours)
    {
        int width;
        try { width = Math.Max(20, Console.WindowWidth); } catch (IOException) { width = 80; }
        // The prompt may hold colour codes: only its printed characters take room.
        int promptWidth = System.Text.RegularExpressions.Regex.Replace(prompt, "\x1b\\[[0-9;]*m", "").Length;
        int room = Math.Max(5, width - promptWidth - 1);
        int offset = cursor > room - 1 ? cursor - (room - 1) : 0;
        int length = Math.Min(room, text.Length - offset);
        var visible = colours is null ? text.Substring(offset, length) : colours.Render(text, offset, length);
        Console.Write("\r" + prompt + visible + "\x1b[K");
        int back = offset + length - cursor;
        if (back > 0) Console.Write($"\x1b[{back}D");
    }
}
