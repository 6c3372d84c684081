namespace Cql.Engine.Core;

/// <summary>A span of characters in a document's normalised text: [Start, End).</summary>
public readonly record struct TextRange(int Start, int End)
{
    public int Length => End - Start;
    public string Slice(string text) => text.Substring(Start, End - Start);
}
