namespace Cql.Engine.Storage.Reading;

/// <summary>Hive partition values from a file's folders: quotes/lang=de/part-0.parquet gives lang = "de".</summary>
public static class PartitionValues
{
    public static IReadOnlyDictionary<string, string> Of(string path)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        var dir = Path.GetDirectoryName(path);
        while (!string.IsNullOrEmpty(dir))
        {
            var name = Path.GetFileName(dir);
            int eq = name.IndexOf('=');
            if (eq > 0)
            {
                var key = name[..eq];
                // The innermost folder wins when a key repeats.
                map.TryAdd(key, Uri.UnescapeDataString(name[(eq + 1)..]));
            }
            dir = Path.GetDirectoryName(dir);
        }
        return map;
    }
}
