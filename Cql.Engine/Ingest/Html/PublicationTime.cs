using Cql.Engine.Text;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Cql.Engine.Ingest.Html;

/// <summary>A publication date (ISO, of the precision the page gives) and, when the page gives a time, the moment
/// (ISO 8601 with the offset the page wrote, or none when it wrote none).</summary>
public readonly record struct PublicationTime(string Date, string? Moment);

/// <summary>What a date line's label says the date is.</summary>
public enum DateLabel { None, Published, Updated }

/// <summary>Reads the publication dates pages write: ISO timestamps in metadata, dates in URLs, and the byline's own
/// words ("Publisert 09.01.2025 kl. 14:32", "15 March 2024", "Veröffentlicht am 12.03.2024").</summary>
public static partial class PublicationTimes
{
    /// <summary>A metadata value: an ISO date or timestamp ("2024-03-15T10:02:00+01:00"), or what
    /// <see cref="DateText"/> reads.</summary>
    public static PublicationTime? FromMetadata(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        value = value.Trim();
        var m = IsoTimestamp().Match(value);
        if (m.Success)
        {
            if (!DateTime.TryParseExact(m.Groups["date"].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _)) return null;
            var date = m.Groups["date"].Value;
            if (!m.Groups["time"].Success) return new(date, null);
            var time = m.Groups["time"].Value;
            if (time.Length == 5) time += ":00";
            var offset = m.Groups["offset"].Value switch
            {
                "" => "",
                "Z" or "z" => "+00:00",
                var o when o.Length == 5 => o[..3] + ":" + o[3..], // +0100
                var o when o.Length == 3 => o + ":00",              // +01
                var o => o,
            };
            return new(date, date + "T" + time + offset);
        }
        return DateText.Normalize(value) is { } iso ? new(iso, null) : null;
    }

    /// <summary>The date in an article URL: /2024/03/15/, /2024-03-15-, /20240315/, else the month of /2024/03/.</summary>
    public static PublicationTime? FromUrl(string? url)
    {
        if (string.IsNullOrEmpty(url)) return null;
        var m = UrlDay().Match(url);
        if (m.Success && ValidDay(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value) is { } day) return new(day, null);
        m = UrlMonth().Match(url);
        if (m.Success && int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) is >= 1 and <= 12) return new(m.Groups[1].Value + "-" + m.Groups[2].Value, null);
        return null;
    }

    /// <summary>A byline's or a dateline's text: a labelled date line ("Publisert 9. januar 2025 kl. 14.32"), or a
    /// date alone.</summary>
    /// <param name="text">The line.</param>
    /// <param name="inParts">Also look at each part of a line separated by "·", "|" or "•" ("Rubén Álvarez · Gijón ·
    /// 19 may 2024 - 18:05 CEST"), as in a byline.</param>
    public static PublicationTime? FromText(string text, bool inParts = false)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 200 || !HasYear(text)) return null;
        text = text.Trim();
        var date = DateOf(text);
        if (date is null && inParts)
            foreach (var part in text.Split(['·', '|', '•'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
                if (HasYear(part) && (date = DateOf(part)) is not null) break;
        if (date is null) return null;
        // A time of day after a full date ("12.03.2024 kl. 14:05", "5. März 2024, 11:47 Uhr", "4:12 pm") is the moment,
        // in no stated offset.
        if (date.Length == 10 && TimeOfDay().Match(text) is { Success: true } t)
        {
            int hour = int.Parse(t.Groups[1].Value, CultureInfo.InvariantCulture), minute = int.Parse(t.Groups[2].Value, CultureInfo.InvariantCulture);
            var half = t.Groups[3].Value.ToLowerInvariant().Replace(".", "", StringComparison.Ordinal);
            if (half == "pm" && hour < 12) hour += 12;
            else if (half == "am" && hour == 12) hour = 0;
            if (hour < 24) return new(date, $"{date}T{hour:D2}:{minute:D2}:00{ZoneOffset(text.AsSpan(t.Index + t.Length))}");
        }
        return new(date, null);
    }

    static string? DateOf(string text) => DateLine.Match(text, new TextRange(0, text.Length)) is { } line ? line.Date : DateText.Normalize(text);

    /// <summary>The offset of a European time zone's abbreviation right after a time ("18:05 CEST"), else nothing.</summary>
    static string ZoneOffset(ReadOnlySpan<char> after)
    {
        after = after.TrimStart();
        int n = 0;
        while (n < after.Length && char.IsAsciiLetterUpper(after[n])) n++;
        if (n < after.Length && char.IsLetter(after[n])) return "";
        return after[..n] switch
        {
            "UTC" or "GMT" or "WET" => "+00:00",
            "CET" or "MEZ" or "BST" or "WEST" => "+01:00",
            "CEST" or "MESZ" or "EET" => "+02:00",
            "EEST" => "+03:00",
            _ => "",
        };
    }

    /// <summary>Whether a date line is labelled as the publication ("Publisert", "Erstveröffentlichung:") or as an
    /// update ("Aktualisiert am", "Updated:"), looking at its start and at each separated part.</summary>
    public static DateLabel LabelOf(string line)
    {
        int end = DateLine.SkipLabel(line, 0, line.Length, out bool update);
        if (end > 0) return update ? DateLabel.Updated : DateLabel.Published;
        return DateLabel.None;
    }

    /// <summary>Every date a line writes in words has a four-digit year; most lines have none, and are passed over
    /// before any pattern runs (a page of 100,000 short lines).</summary>
    static bool HasYear(ReadOnlySpan<char> s)
    {
        int run = 0;
        foreach (var c in s)
        {
            run = char.IsAsciiDigit(c) ? run + 1 : 0;
            if (run == 4) return true;
        }
        return false;
    }

    static string? ValidDay(string y, string m, string d)
    {
        int year = int.Parse(y, CultureInfo.InvariantCulture), month = int.Parse(m, CultureInfo.InvariantCulture), day = int.Parse(d, CultureInfo.InvariantCulture);
        if (year is < 1990 or > 2100 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
        return $"{year:D4}-{month:D2}-{day:D2}";
    }

    [GeneratedRegex(@"(?<![\d.:])([01]?\d|2[0-3])[:.h]([0-5]\d)(?![.:]?\d)\s*(am|pm|a\.m\.|p\.m\.)?", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex TimeOfDay();

    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2})(?:[T ](?<time>\d{2}:\d{2}(?::\d{2})?)(?:\.\d+)?\s*(?<offset>Z|[+-]\d{2}(?::?\d{2})?)?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex IsoTimestamp();

    [GeneratedRegex(@"(?:^|[/_-])((?:19|20)\d{2})[/_-]?(\d{2})[/_-]?(\d{2})(?=$|[/_.?#-])", RegexOptions.CultureInvariant)]
    private static partial Regex UrlDay();

    [GeneratedRegex(@"/((?:19|20)\d{2})/(\d{2})/", RegexOptions.CultureInvariant)]
    private static partial Regex UrlMonth();
}
