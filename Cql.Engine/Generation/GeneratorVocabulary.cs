using Cql.Engine.Ingest;
using System.Text;

namespace Cql.Engine.Generation;

/// <summary>
/// The words of the seed articles with their frequencies, so generated text has words such as "samarbeid" at
/// natural rates; and the speaker names, seed people first.
/// </summary>
internal sealed class GeneratorVocabulary
{
    public readonly string[] Words;
    public readonly string[] Norms;
    public readonly ZipfSampler WordSampler;
    public readonly string[] Speakers;

    static readonly string[] SeedPeople =
        ["Xi Jinping", "Vladimir Putin", "Donald Trump", "Joe Biden", "Volodymyr Zelensky", "Kremlin", "Politico", "Bloomberg"];
    static readonly string[] FirstNames =
        ["Anna", "Lars", "Ingrid", "Erik", "Maria", "Jonas", "Sofia", "Marco", "Giulia", "Hans", "Petra", "Jean", "Claire", "Carlos",
         "Lucia", "Pieter", "Sanne", "Ola", "Kari", "Mette", "Søren", "Astrid", "Klaus", "Heike", "Luca", "Chiara", "John", "Emily",
         "Pierre", "Élodie", "Javier", "Carmen", "Jan", "Eva", "Nils", "Karin", "Olga", "Ivan", "Wei", "Li"];
    static readonly string[] LastNames =
        ["Hansen", "Johansson", "Nielsen", "Müller", "Rossi", "Dubois", "García", "de Vries", "Berg", "Lindqvist", "Jensen",
         "Schmidt", "Bianchi", "Martin", "López", "Jansen", "Olsen", "Karlsson", "Pedersen", "Weber", "Romano", "Bernard",
         "Fernández", "Bakker", "Haugen", "Nilsson", "Larsen", "Fischer", "Ricci", "Moreau", "Sánchez", "Visser", "Kjeldsen",
         "Andersson", "Christensen", "Wagner", "Greco", "Laurent", "Díaz", "Smit", "Wang", "Zhang", "Petrov", "Ivanova"];

    public GeneratorVocabulary(int speakerCount)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (_, bytes) in DefaultCorpus.LoadSeeds())
        {
            var text = Encoding.UTF8.GetString(bytes);
            int i = 0;
            while (i < text.Length)
            {
                while (i < text.Length && !char.IsLetter(text[i])) i++;
                int start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '-')) i++;
                if (i > start)
                {
                    var w = text[start..i];
                    counts[w] = counts.GetValueOrDefault(w) + 1;
                }
            }
        }
        var ordered = counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).ToArray();
        Words = ordered.Select(kv => kv.Key).ToArray();
        Norms = Words.Select(w => w.ToLowerInvariant()).ToArray();
        WordSampler = new ZipfSampler(ordered.Select(kv => (double)kv.Value).ToArray());

        var names = new List<string>(SeedPeople);
        for (int k = 0; names.Count < speakerCount; k++)
        {
            var first = FirstNames[k % FirstNames.Length];
            var last = LastNames[(k / FirstNames.Length) % LastNames.Length];
            int generation = k / (FirstNames.Length * LastNames.Length);
            names.Add(generation == 0 ? $"{first} {last}" : $"{first} {last} {generation + 1}");
        }
        Speakers = names.ToArray();
    }

    static readonly System.Collections.Concurrent.ConcurrentDictionary<string, (string Word, string Norm)[]> Phrases = new(StringComparer.Ordinal);

    /// <summary>A phrase's words with their lowercase forms, computed once per phrase.</summary>
    public static (string Word, string Norm)[] Split(string phrase) =>
        Phrases.GetOrAdd(phrase, p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => (w, w.ToLowerInvariant())).ToArray());
}
