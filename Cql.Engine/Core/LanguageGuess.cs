namespace Cql.Engine.Core;

/// <summary>A language verdict with a confidence in [0, 1]; Code is ISO 639-1 ("und" when unknown).</summary>
public readonly record struct LanguageGuess(string Code, float Confidence)
{
    public static readonly LanguageGuess Unknown = new("und", 0f);
}
