using System.Globalization;

namespace Cql.Engine.Core;

/// <summary>
/// Publication times: ISO 8601 text as sources write it (with or without an offset) turned into what the corpus
/// stores — the instant in microseconds from 1970-01-01 UTC (a Parquet TIMESTAMP) and the offset the source wrote.
/// A time without an offset is taken as UTC: no zone can be guessed for it, and its offset is stored as null.
/// </summary>
public static class Instants
{
    /// <summary>Microseconds from 1970-01-01T00:00:00Z to the instant <paramref name="iso"/> names.</summary>
    public static long ToUnixMicros(string iso) => TryParse(iso, out var t)
        ? (t.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) / (TimeSpan.TicksPerMillisecond / 1000)
        : throw new ArgumentException($"'{iso}' is not an ISO 8601 time");

    /// <summary>Whether <paramref name="iso"/> names an instant (what a TIMESTAMP column may hold).</summary>
    public static bool IsInstant(string iso) => TryParse(iso, out _);

    static bool TryParse(string iso, out DateTimeOffset t) =>
        DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out t);

    /// <summary>The offset written at the end of <paramref name="iso"/> as ±hh:mm ("Z" is +00:00); null when none is.</summary>
    public static string? OffsetOf(string iso)
    {
        if (iso.EndsWith('Z') || iso.EndsWith('z')) return "+00:00";
        int t = iso.IndexOf('T', StringComparison.Ordinal);
        if (t < 0) return null;
        int sign = iso.LastIndexOfAny(['+', '-']);
        if (sign <= t) return null;
        var offset = iso[sign..];
        if (offset.Length == 5 && !offset.Contains(':')) offset = offset[..3] + ":" + offset[3..];
        return offset.Length == 6 && TimeSpan.TryParseExact(offset[1..], @"hh\:mm", CultureInfo.InvariantCulture, out _) ? offset : null;
    }
}
