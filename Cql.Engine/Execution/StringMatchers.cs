using System.Text.RegularExpressions;

namespace Cql.Engine.Execution;

/// <summary>A test of one string value; evaluated once per distinct dictionary buffer where possible.</summary>
public abstract class StringMatcher
{
    public abstract bool Match(ReadOnlySpan<char> s);
    /// <summary>Whether a per-buffer cache is worth its lookup (true for scans of the text; false for a short equality).</summary>
    public virtual bool Expensive => true;
}

/// <summary>Ordinal equality with a constant.</summary>
public sealed class EqualsMatcher(string value) : StringMatcher
{
    public override bool Match(ReadOnlySpan<char> s) => s.SequenceEqual(value);
    public override bool Expensive => false;
}

/// <summary>Ordinal membership in a set of constants, without allocating a string per row.</summary>
public sealed class InSetMatcher : StringMatcher
{
    readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    public InSetMatcher(IEnumerable<string> values) => _lookup = new HashSet<string>(values, StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    public override bool Match(ReadOnlySpan<char> s) => _lookup.Contains(s);
    public override bool Expensive => false;
}

/// <summary>Case-insensitive substring.</summary>
public sealed class ContainsMatcher(string pattern) : StringMatcher
{
    public override bool Match(ReadOnlySpan<char> s) => s.IndexOf(pattern, StringComparison.OrdinalIgnoreCase) >= 0;
}

/// <summary>Case-insensitive whole word or phrase: the match may not touch a letter or digit on either side.</summary>
public sealed class HasWordMatcher(string pattern) : StringMatcher
{
    public override bool Match(ReadOnlySpan<char> s)
    {
        if (pattern.Length == 0) return false;
        int from = 0;
        while (from <= s.Length - pattern.Length)
        {
            int i = s[from..].IndexOf(pattern, StringComparison.OrdinalIgnoreCase);
            if (i < 0) return false;
            i += from;
            int end = i + pattern.Length;
            if ((i == 0 || !char.IsLetterOrDigit(s[i - 1])) && (end == s.Length || !char.IsLetterOrDigit(s[end]))) return true;
            from = i + 1;
        }
        return false;
    }
}

/// <summary>Case-insensitive prefix, like contains and has.</summary>
public sealed class StartsWithMatcher(string prefix) : StringMatcher
{
    public override bool Match(ReadOnlySpan<char> s) => s.StartsWith(prefix, StringComparison.OrdinalIgnoreCase);
    public override bool Expensive => false;
}

/// <summary>Unanchored .NET regular expression (span overload: no string per row); see <see cref="RegexPatterns"/>.</summary>
public sealed class RegexMatcher(string pattern) : StringMatcher
{
    readonly Regex _regex = RegexPatterns.Get(pattern);

    public override bool Match(ReadOnlySpan<char> s)
    {
        try { return _regex.IsMatch(s); }
        catch (RegexMatchTimeoutException e)
        {
            throw new QueryRuntimeException(
                $"the regular expression \"{pattern}\" took over {RegexPatterns.MatchTimeout.TotalSeconds:0} s on one row; simplify it (avoid nested repeats such as (a+)+)", e);
        }
    }
}
