using System.Collections.Frozen;

namespace Cql.Engine.Text;

/// <summary>
/// Month and weekday names, full and abbreviated, in the languages CQL ingests (no, nn, sv, da, de, en, fr, it,
/// es, nl, pt, pl, fi, ru), in the inflected forms dates use ("9. januar", "15 giugno", "9 января", "3. marca").
/// Looked up case-insensitively.
/// </summary>
static class CalendarWords
{
    static readonly string[][] MonthNames =
    [
        ["januar", "januari", "january", "janvier", "gennaio", "enero", "janeiro", "jänner", "stycznia", "styczeń", "tammikuuta", "tammikuu", "января", "январь",
            "jan", "janv", "gen", "ene", "jän", "sty"],
        ["februar", "februari", "february", "février", "fevrier", "febbraio", "febrero", "fevereiro", "feber", "lutego", "luty", "helmikuuta", "helmikuu", "февраля", "февраль",
            "feb", "febr", "fév", "févr", "fev", "lut"],
        ["mars", "marts", "märz", "maerz", "march", "marzo", "março", "maart", "marca", "marzec", "maaliskuuta", "maaliskuu", "марта", "март",
            "mar", "mär", "mrt"],
        ["april", "avril", "aprile", "abril", "kwietnia", "kwiecień", "huhtikuuta", "huhtikuu", "апреля", "апрель",
            "apr", "avr", "abr", "kwi"],
        ["mai", "maj", "may", "maggio", "mayo", "maio", "mei", "maja", "toukokuuta", "toukokuu", "мая", "май",
            "mag"],
        ["juni", "june", "juin", "giugno", "junio", "junho", "czerwca", "czerwiec", "kesäkuuta", "kesäkuu", "июня", "июнь",
            "jun", "giu", "cze"],
        ["juli", "july", "juillet", "luglio", "julio", "julho", "lipca", "lipiec", "heinäkuuta", "heinäkuu", "июля", "июль",
            "jul", "juil", "lug", "lip"],
        ["august", "augusti", "août", "aout", "agosto", "augustus", "sierpnia", "sierpień", "elokuuta", "elokuu", "августа", "август",
            "aug", "aoû", "ago"],
        ["september", "septembre", "settembre", "septiembre", "setiembre", "setembro", "września", "wrzesień", "syyskuuta", "syyskuu", "сентября", "сентябрь",
            "sep", "sept", "set", "wrz"],
        ["oktober", "october", "octobre", "ottobre", "octubre", "outubro", "października", "październik", "lokakuuta", "lokakuu", "октября", "октябрь",
            "okt", "oct", "ott", "out", "paź"],
        ["november", "novembre", "noviembre", "novembro", "listopada", "listopad", "marraskuuta", "marraskuu", "ноября", "ноябрь",
            "nov", "lis"],
        ["desember", "december", "dezember", "décembre", "decembre", "dicembre", "diciembre", "dezembro", "grudnia", "grudzień", "joulukuuta", "joulukuu", "декабря", "декабрь",
            "des", "dec", "dez", "déc", "dic", "gru"],
    ];

    static readonly string[] WeekdayNames =
    [
        "mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag", "laurdag", "sundag", "måndag", "tisdag", "lördag", "söndag",
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonnabend", "sonntag",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
        "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
        "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
        "segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira",
        "poniedziałek", "wtorek", "środa", "czwartek", "piątek", "sobota", "niedziela",
        "maanantai", "tiistai", "keskiviikko", "torstai", "perjantai", "lauantai", "sunnuntai",
        "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье",
        "man", "tir", "ons", "tor", "fre", "lør", "søn", "mån", "tis", "lör", "sön",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "lun", "mer", "gio", "ven", "sab", "dom", "mié", "jue", "vie", "sáb", "seg", "ter", "qua", "qui", "sex",
    ];

    /// <summary>Two-letter weekday abbreviations (German, Dutch) are words of their own too, so they count only
    /// when a dot or comma follows them.</summary>
    static readonly string[] ShortWeekdayNames = ["mo", "di", "mi", "do", "fr", "sa", "so", "ma", "wo", "vr", "za", "zo"];

    static readonly FrozenDictionary<string, int> Months = BuildMonths();
    static readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> MonthLookup =
        Months.GetAlternateLookup<ReadOnlySpan<char>>();
    static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Weekdays =
        WeekdayNames.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ShortWeekdays =
        ShortWeekdayNames.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    static FrozenDictionary<string, int> BuildMonths()
    {
        var d = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int m = 0; m < MonthNames.Length; m++)
            foreach (var name in MonthNames[m]) d[name] = m + 1;
        return d.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The month (1–12) a name or abbreviation stands for, or 0.</summary>
    public static int Month(ReadOnlySpan<char> word) => MonthLookup.TryGetValue(word, out var m) ? m : 0;

    /// <summary>True for a weekday name; <paramref name="followedByPunctuation"/> admits the two-letter forms.</summary>
    public static bool IsWeekday(ReadOnlySpan<char> word, bool followedByPunctuation) =>
        Weekdays.Contains(word) || (followedByPunctuation && ShortWeekdays.Contains(word));
}
