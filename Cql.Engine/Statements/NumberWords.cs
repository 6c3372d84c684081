namespace Cql.Engine.Statements;

/// <summary>
/// Cardinal numbers written as words ("elva", "undici", "eleven"), by language, as the values
/// <see cref="QuoteNumbers"/> gives digits ("11"): one report writes "11 countries", its translation "elva länder".
/// From two up (the words for one are also articles: "en", "un", "ein"); the tens, a hundred and a thousand.
/// </summary>
static class NumberWords
{
    static readonly int[] Values = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 30, 40, 50, 60, 70, 80, 90, 100, 1000];

    // Per language, the words of Values in order; "-" where the language writes it in several words ("dix-sept").
    static readonly Dictionary<string, Dictionary<string, string>> ByLang = Tables(new()
    {
        ["en"] = "two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand",
        ["de"] = "zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn sechzehn siebzehn achtzehn neunzehn zwanzig dreißig vierzig fünfzig sechzig siebzig achtzig neunzig hundert tausend",
        ["fr"] = "deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize - - - vingt trente quarante cinquante soixante - - - cent mille",
        ["it"] = "due tre quattro cinque sei sette otto nove dieci undici dodici tredici quattordici quindici sedici diciassette diciotto diciannove venti trenta quaranta cinquanta sessanta settanta ottanta novanta cento mille",
        ["es"] = "dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince dieciséis diecisiete dieciocho diecinueve veinte treinta cuarenta cincuenta sesenta setenta ochenta noventa cien mil",
        ["nl"] = "twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien zestien zeventien achttien negentien twintig dertig veertig vijftig zestig zeventig tachtig negentig honderd duizend",
        ["sv"] = "två tre fyra fem sex sju åtta nio tio elva tolv tretton fjorton femton sexton sjutton arton nitton tjugo trettio fyrtio femtio sextio sjuttio åttio nittio hundra tusen",
        ["no"] = "to tre fire fem seks sju åtte ni ti elleve tolv tretten fjorten femten seksten sytten atten nitten tjue tretti førti femti seksti sytti åtti nitti hundre tusen",
        ["da"] = "to tre fire fem seks syv otte ni ti elleve tolv tretten fjorten femten seksten sytten atten nitten tyve tredive fyrre halvtreds tres halvfjerds firs halvfems hundrede tusind",
    });

    static Dictionary<string, Dictionary<string, string>> Tables(Dictionary<string, string> lists)
    {
        // Norwegian's two written standards count alike.
        lists["nb"] = lists["nn"] = lists["no"];
        var tables = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        foreach (var (lang, list) in lists)
        {
            var words = list.Split(' ');
            if (words.Length != Values.Length) throw new InvalidOperationException($"number words of '{lang}': {words.Length}, expected {Values.Length}");
            var table = new Dictionary<string, string>(StringComparer.Ordinal);
            for (int i = 0; i < words.Length; i++)
                if (words[i] != "-") table[words[i]] = Values[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
            tables[lang] = table;
        }
        return tables;
    }

    /// <summary>The value of a lowercased number word of <paramref name="lang"/> ("elva" → "11"), null for any other word.</summary>
    public static string? Value(string lang, string word) =>
        ByLang.TryGetValue(lang, out var table) && table.TryGetValue(word, out var value) ? value : null;
}
