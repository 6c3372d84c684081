using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Cql.Repl.Interactive;

/// <summary>
/// Shows output taller than the terminal one screen at a time: through `less -R -S -F -X -K` when less is on the
/// PATH (it quits at once when the text fits, leaves the text on screen after q, and Ctrl+C leaves it), else with a
/// small pager of its own (Space: next page, Enter: next line, q: quit). Output that fits, or is not a terminal,
/// is written as it is.
/// </summary>
public static class Pager
{
    /// <summary>Writes <paramref name="lines"/>, paged when <paramref name="enabled"/> and taller than the screen.</summary>
    public static void Show(IReadOnlyList<string> lines, bool enabled)
    {
        int height = Height();
        if (!enabled || Console.IsOutputRedirected || Console.IsInputRedirected || lines.Count < height - 1)
        {
            foreach (var line in lines) Console.WriteLine(line);
            return;
        }
        if (!TryLess(lines)) OwnPager(lines, height);
    }

    static int Height()
    {
        try { return Math.Max(5, Console.WindowHeight); } catch (IOException) { return 40; }
    }

    static bool TryLess(IReadOnlyList<string> lines)
    {
        var start = new ProcessStartInfo("less", ["-R", "-S", "-F", "-X", "-K"])
        {
            RedirectStandardInput = true,
            StandardInputEncoding = new UTF8Encoding(false),
            UseShellExecute = false,
        };
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("LESSCHARSET"))) start.Environment["LESSCHARSET"] = "utf-8";
        Process less;
        try { less = Process.Start(start)!; }
        catch (Win32Exception) { return false; }
        using (less)
        {
            try
            {
                foreach (var line in lines) less.StandardInput.WriteLine(line);
                less.StandardInput.Close();
            }
            catch (IOException) { } // the reader quit before the end: what it did not want to see is not written
            less.WaitForExit();
        }
        return true;
    }

    static void OwnPager(IReadOnlyList<string> lines, int height)
    {
        bool oldTreat = Console.TreatControlCAsInput;
        Console.TreatControlCAsInput = true;
        try
        {
            int shown = 0, step = height - 1;
            while (shown < lines.Count)
            {
                for (int end = Math.Min(lines.Count, shown + step); shown < end; shown++) Console.WriteLine(lines[shown]);
                if (shown >= lines.Count) break;
                Console.Write($"\x1b[7m-- {shown:N0} of {lines.Count:N0} lines -- Space: next page, Enter: next line, q: quit\x1b[0m");
                var key = Console.ReadKey(intercept: true);
                Console.Write("\r\x1b[K");
                if (key.Key is ConsoleKey.Q or ConsoleKey.Escape || (key.Key == ConsoleKey.C && (key.Modifiers & ConsoleModifiers.Control) != 0)) break;
                step = key.Key == ConsoleKey.Enter ? 1 : height - 1;
            }
        }
        finally { Console.TreatControlCAsInput = oldTreat; }
    }
}
