namespace Cql.Engine.Core;

/// <summary>The kinds of chart the chart stage draws.</summary>
public enum ChartKind { Bar, Line, Area, Hist }

/// <summary>The image files a chart is exported to.</summary>
public enum ChartImageFormat { Png, Svg }

/// <summary>
/// What a query's chart stage asks for, with its columns resolved: <see cref="X"/> the categories or periods along
/// the x axis (for a histogram, the numbers binned), <see cref="Y"/> the numeric columns drawn against it (one series
/// each), <see cref="By"/> a column whose values split the rows into series of their own (one legend entry each).
/// <see cref="XPeriod"/> is set when X holds periods of bucket(): the axis then runs in time order.
/// </summary>
public sealed record ChartSpec(ChartKind Kind, string X, IReadOnlyList<string> Y, string? By, string? Title, PeriodUnit? XPeriod)
{
    /// <summary>The chart kinds as the language writes them, for messages.</summary>
    public const string KindNames = "bar, line, area, hist";

    public static bool TryParseKind(string name, out ChartKind kind) => Enum.TryParse(name, ignoreCase: true, out kind)
        && Enum.IsDefined(kind) && !int.TryParse(name, out _);

    /// <summary>The image format a file name asks for (.png, .svg), or null.</summary>
    public static ChartImageFormat? ImageFormatOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".png" => ChartImageFormat.Png,
        ".svg" => ChartImageFormat.Svg,
        _ => null,
    };
}
