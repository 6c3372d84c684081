using Sprache;

namespace Cql.Engine.Syntax;

/// <summary>
/// Sprache input over one statement of a script, in place: positions are offsets into the whole script (so spans
/// need no shifting), and the input ends where the statement ends. It carries the statement's
/// <see cref="ParseErrors"/>, which every input advanced from it shares.
/// </summary>
internal sealed class ScriptInput : IInput
{
    readonly int _end;

    public ScriptInput(string script, int start, int end, ParseErrors errors) : this(script, start, end, 1, 1, errors) { }

    ScriptInput(string script, int position, int end, int line, int column, ParseErrors errors)
    {
        Errors = errors;
        Source = script;
        Position = position;
        _end = end;
        Line = line;
        Column = column;
    }

    /// <summary>The diagnostics the grammar raised while parsing this statement.</summary>
    public ParseErrors Errors { get; }
    public string Source { get; }
    public int Position { get; }
    public int Line { get; }
    public int Column { get; }
    /// <summary>The offset where the statement ends.</summary>
    public int End => _end;
    public bool AtEnd => Position >= _end;
    public char Current => Source[Position];
    public IDictionary<object, object> Memos { get; } = new Dictionary<object, object>();

    public IInput Advance()
    {
        if (AtEnd) throw new InvalidOperationException("the input is already at its end");
        return Current == '\n'
            ? new ScriptInput(Source, Position + 1, _end, Line + 1, 1, Errors)
            : new ScriptInput(Source, Position + 1, _end, Line, Column + 1, Errors);
    }

    public bool Equals(IInput? other) => other is not null && ReferenceEquals(Source, other.Source) && Position == other.Position;
    public override bool Equals(object? obj) => obj is IInput i && Equals(i);
    public override int GetHashCode() => HashCode.Combine(Source.Length, Position);
    public override string ToString() => $"position {Position}";
}
