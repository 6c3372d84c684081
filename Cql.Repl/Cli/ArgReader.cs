namespace Cql.Repl.Cli;

/// <summary>
/// Reads a command line of flags and positional arguments. Hand-written rather than System.CommandLine so that
/// start-up stays cheap (the cold `cql -c` budget is 300 ms) and every usage error maps to exit code 2 with our
/// own wording.
/// </summary>
public sealed class ArgReader(string[] args, string command)
{
    readonly string[] _args = args;
    int _i;
    public readonly List<string> Positionals = [];

    /// <summary>Walks the arguments, calling <paramref name="onFlag"/> for each flag; it returns false for an unknown flag.</summary>
    public void Read(Func<string, bool> onFlag)
    {
        for (_i = 0; _i < _args.Length; _i++)
        {
            var a = _args[_i];
            if (a == "--") { for (_i++; _i < _args.Length; _i++) Positionals.Add(_args[_i]); break; }
            if (a.Length > 1 && a[0] == '-' && !IsNumber(a))
            {
                var eq = a.IndexOf('=');
                string flag = eq > 0 ? a[..eq] : a;
                if (eq > 0) _inline = a[(eq + 1)..];
                if (!onFlag(flag)) throw new UsageException($"unknown option '{flag}'", command);
                if (_inline is not null) throw new UsageException($"option '{flag}' takes no value", command);
            }
            else Positionals.Add(a);
        }
    }

    string? _inline;

    /// <summary>The value of the flag being read (--flag VALUE or --flag=VALUE).</summary>
    public string Value(string flag)
    {
        if (_inline is not null) { var v = _inline; _inline = null; return v; }
        if (_i + 1 >= _args.Length) throw new UsageException($"option '{flag}' needs a value", command);
        return _args[++_i];
    }

    public int IntValue(string flag)
    {
        var v = Value(flag);
        if (!int.TryParse(v, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) || n < 0)
            throw new UsageException($"option '{flag}' needs a whole number, not '{v}'", command);
        return n;
    }

    /// <summary>A positive number of seconds, fractions allowed ("0.5").</summary>
    public double SecondsValue(string flag)
    {
        var v = Value(flag);
        if (!double.TryParse(v, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var s) || !(s > 0) || s > 1e6)
            throw new UsageException($"option '{flag}' needs a number of seconds greater than 0, not '{v}'", command);
        return s;
    }

    static bool IsNumber(string a) => a.Length > 1 && char.IsAsciiDigit(a[1]);
}
