namespace Cql.Repl.Editing;

/// <summary>Reads one statement from the user. Behind an interface so the editor can be swapped (RadLine, a test fake).</summary>
public interface ILineEditor
{
    /// <summary>The next statement (possibly several lines), or null at end of input (Ctrl+D on an empty line).</summary>
    string? ReadStatement(string prompt, string continuationPrompt);
}

/// <summary>Supplies completions for the word before the cursor.</summary>
public interface ICompletionSource
{
    IReadOnlyList<string> Complete(string textBeforeCursor, string word);
}
