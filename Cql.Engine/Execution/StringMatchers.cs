using System.Text.RegularExpressions;

namespace Cql.Engine.Execution;

/// <summary>A test of one string value; evaluated once per distinct dictionary buffer where possible. A matcher may
/// keep a buffer from call to call: one matcher per thread.</summary>
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
    /// <summary>Over an ordinal set as it is, not copied: a semi-join's values, shared by every batch.</summary>
    public InSetMatcher(HashSet<string> ordinalSet) => _lookup = ordinalSet.GetAlternateLookup<ReadOnlySpan<char>>();
    public override bool Match(ReadOnlySpan<char> s) => _lookup.Contains(s);
    public override bool Expensive => false;
}

/// <summary>Case-insensitive substring: both sides lowercased (<see cref="WordRules"/>), then an ordinal search.</summary>
public sealed class ContainsMatcher(string pattern) : StringMatcher
{
    readonly string _lower = WordRules.Lower(pattern);
    char[] _buffer = [];
    public override bool Match(ReadOnlySpan<char> s)
    {
        if (_lower.Length == 0) return true;
        return WordRules.LowerInto(s, ref _buffer).IndexOf(_lower, StringComparison.Ordinal) >= 0;
    }
}

/// <summary>Case-insensitive whole word or phrase: the lowercased pattern found in the lowercased text, not touching a
/// word character (<see cref="WordRules"/>) on either side.</summary>
public sealed class HasWordMatcher(string pattern) : StringMatcher
{
    readonly string _lower = WordRules.Lower(pattern);
    char[] _buffer = [];
    public override bool Match(ReadOnlySpan<char> s)
    {
        if (_lower.Length == 0 || _lower.Length > s.Length) return false;
        var lower = WordRules.LowerInto(s, ref _buffer);
        int from = 0;
        while (from <= s.Length - _lower.Length)
        {
            int i = lower[from..].IndexOf(_lower, StringComparison.Ordinal);
            if (i < 0) return false;
            i += from;
            if (!WordRules.IsWordBefore(s, i) && !WordRules.IsWordFrom(s, i + _lower.Length)) return true;
            from = i + 1;
        }
        return false;
    }
}

/// <summary>Case-insensitive prefix, like contains and has.</summary>
public sealed class StartsWithMatcher(string prefix) : StringMatcher
{
    readonly string _lower = WordRules.Lower(prefix);
    char[] _buffer = [];
    public override bool Match(ReadOnlySpan<char> s)
    {
        if (s.Length < _lower.Length) return false;
        return WordRules.LowerInto(s[.._lower.Length], ref _buffer).SequenceEqual(_lower);
    }
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
