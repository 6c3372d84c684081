using System.IO.Compression;

namespace Cql.Engine.Ingest.Warc;

/// <summary>Which input files are web archives, and how one is opened for reading record by record.</summary>
public static class WarcInput
{
    /// <summary>A WARC file's skip reason when none of its records is a page.</summary>
    public const string NoPages = "no HTML pages in the WARC file";

    public static bool IsWarc(string path)
    {
        var name = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path[..^3] : path;
        return name.EndsWith(".warc", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".arc", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The file's records as one stream (a .gz decompressed as it is read: every member, whether the file
    /// is gzipped record by record, as crawlers write it, or whole), and the file under it, whose position is the
    /// input read so far.</summary>
    public static (Stream Records, FileStream File) Open(string path)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        Stream records = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        return (records, file);
    }
}
