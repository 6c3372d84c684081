using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace Cql.Engine.Language;

/// <summary>
/// The trained language model: for every kept feature (see <see cref="LanguageFeatures"/>) a row of per-language
/// penalties — how many nats less likely the feature is in that language than in the language that uses it most —
/// in an open-addressing table keyed by a 32-bit fingerprint of the feature hash. Immutable, so one instance serves
/// every thread. Built by scripts/langid/build.cs, shipped Brotli-compressed as Language/Data/langid.bin.
/// </summary>
public sealed partial class LanguageModel
{
    /// <summary>Bytes per row: one penalty per language, padded so a row is one 128-bit vector.</summary>
    public const int RowWidth = 16;

    const string ResourceName = "Cql.Engine.Language.Data.langid.bin";
    const uint Magic = 0x44494C43; // "CLID"
    const int FormatVersion = 2;

    static readonly Lazy<LanguageModel> Embedded = new(LoadEmbedded, LazyThreadSafetyMode.ExecutionAndPublication);

    readonly string[] languages;
    readonly FeatureTable table;

    /// <summary>The model shipped inside Cql.Engine, loaded on first use.</summary>
    public static LanguageModel Default => Embedded.Value;

    /// <summary>ISO 639-1 codes, in row order.</summary>
    public IReadOnlyList<string> Languages => languages;

    /// <summary>Penalty units per nat.</summary>
    public float Quantum { get; }

    /// <summary>Temperature scaling fitted on held-out text (see <see cref="LogitPerNat"/>). Naive Bayes counts
    /// overlapping n-grams as independent evidence, so raw score differences are far too confident; this makes the
    /// softmax mean something.</summary>
    public float CalibrationScale { get; }

    /// <summary>The number of letters at which a text's evidence counts half (see <see cref="LogitPerNat"/>). Word
    /// frequencies learnt from running text do not carry over to a lone "Ja." or "OK.", so very short text must not
    /// outvote the document it stands in.</summary>
    public float CalibrationHalfEvidence { get; }

    /// <summary>Number of features in the table.</summary>
    public int FeatureCount { get; }

    LanguageModel(string[] languages, uint[] keys, byte[] rows, float quantum, float scale, float halfEvidence)
        : this(languages, BuildTable(languages, keys, rows), quantum, scale, halfEvidence) { }

    LanguageModel(string[] languages, FeatureTable table, float quantum, float scale, float halfEvidence)
    {
        this.languages = languages;
        this.table = table;
        Quantum = quantum;
        CalibrationScale = scale;
        CalibrationHalfEvidence = halfEvidence;
        int count = 0;
        for (int s = 0; s < table.Capacity; s++) if (table.Key(s) != 0) count++;
        FeatureCount = count;
    }

    static FeatureTable BuildTable(string[] languages, uint[] keys, byte[] rows)
    {
        if (languages.Length is 0 or > RowWidth) throw new ArgumentException($"a model holds 1..{RowWidth} languages");
        if (keys.Length == 0 || (keys.Length & (keys.Length - 1)) != 0 || keys.Length > 1 << LanguageFeatures.OrderShift)
            throw new ArgumentException("table size must be a power of two the feature layout can index");
        return new FeatureTable(keys, rows);
    }

    /// <summary>Builds a model from features in order of importance (a feature whose fingerprint clashes with an
    /// earlier one on its probe chain is dropped). Each penalty row holds one byte per language.</summary>
    public static LanguageModel Create(string[] languages, IReadOnlyList<(ulong Hash, byte[] Penalties)> features,
        float quantum, float scale, float halfEvidence)
    {
        int capacity = 1024;
        while (capacity < features.Count * 2) capacity <<= 1;
        var keys = new uint[capacity];
        var rows = new byte[capacity * RowWidth];
        int mask = capacity - 1;
        foreach (var (hash, penalties) in features)
        {
            if (penalties.Length != languages.Length) throw new ArgumentException("one penalty per language");
            int slot = (int)hash & mask;
            uint fp = Fingerprint(hash);
            bool clash = false;
            while (keys[slot] != 0)
            {
                if (keys[slot] == fp) { clash = true; break; }
                slot = (slot + 1) & mask;
            }
            if (clash) continue;
            keys[slot] = fp;
            penalties.CopyTo(rows, slot * RowWidth);
        }
        return new LanguageModel(languages, keys, rows, quantum, scale, halfEvidence);
    }

    /// <summary>The same table with another calibration (the trainer fits it after building the table).</summary>
    public LanguageModel WithCalibration(float scale, float halfEvidence) => new(languages, table, Quantum, scale, halfEvidence);

    /// <summary>The calibrated logit of one nat of raw score difference in a text of <paramref name="letters"/>
    /// letters: scale · letters / (letters + half-evidence).</summary>
    public static float LogitPerNat(int letters, float scale, float halfEvidence) => scale * letters / (letters + halfEvidence);

    /// <summary>Never 0, which marks an empty slot.</summary>
    internal static uint Fingerprint(ulong hash) => (uint)(hash >> 32) | 1;

    internal FeatureTable Table => table;

    /// <summary>Writes the model in the shipped format (Brotli over a small binary layout; deterministic).</summary>
    public void Write(Stream output)
    {
        using var brotli = new BrotliStream(output, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(brotli, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(FormatVersion);
        w.Write(LanguageFeatures.MaxOrder);
        w.Write(languages.Length);
        foreach (var l in languages) w.Write(l);
        w.Write(Quantum);
        w.Write(CalibrationScale);
        w.Write(CalibrationHalfEvidence);
        w.Write(table.Capacity);
        // Keys first (empty slots compress to nothing), then the occupied rows column by column: a language's
        // penalties side by side compress better than rows mixing languages.
        for (int s = 0; s < table.Capacity; s++) w.Write(table.Key(s));
        for (int l = 0; l < languages.Length; l++)
            for (int s = 0; s < table.Capacity; s++)
                if (table.Key(s) != 0) w.Write(table.Penalty(s, l));
    }

    /// <summary>Reads a model written by <see cref="Write"/>.</summary>
    public static LanguageModel Read(Stream input)
    {
        // Decompress once and parse spans: element-wise reads through the Brotli stream took a second.
        var bytes = new MemoryStream();
        using (var brotli = new BrotliStream(input, CompressionMode.Decompress, leaveOpen: true)) brotli.CopyTo(bytes);
        bytes.Position = 0;
        using var r = new BinaryReader(bytes, Encoding.UTF8, leaveOpen: true);
        if (bytes.Length < 12 || r.ReadUInt32() != Magic) throw new InvalidDataException("not a CQL language model");
        if (r.ReadInt32() != FormatVersion) throw new InvalidDataException("unsupported language model version");
        if (r.ReadInt32() != LanguageFeatures.MaxOrder)
            throw new InvalidDataException("language model built for another n-gram order; rebuild it with scripts/langid");
        var languages = new string[r.ReadInt32()];
        for (int i = 0; i < languages.Length; i++) languages[i] = r.ReadString();
        float quantum = r.ReadSingle(), scale = r.ReadSingle(), halfEvidence = r.ReadSingle();
        var keys = new uint[r.ReadInt32()];
        var data = bytes.GetBuffer().AsSpan((int)bytes.Position, (int)(bytes.Length - bytes.Position));
        if (data.Length < keys.Length * 4) throw new InvalidDataException("truncated language model");
        for (int s = 0; s < keys.Length; s++) keys[s] = BinaryPrimitives.ReadUInt32LittleEndian(data[(s * 4)..]);
        data = data[(keys.Length * 4)..];
        int occupied = 0;
        foreach (var k in keys) if (k != 0) occupied++;
        if (data.Length != occupied * languages.Length) throw new InvalidDataException("truncated language model");
        var rows = new byte[keys.Length * RowWidth];
        int at = 0;
        for (int l = 0; l < languages.Length; l++)
            for (int s = 0; s < keys.Length; s++)
                if (keys[s] != 0) rows[s * RowWidth + l] = data[at++];
        return new LanguageModel(languages, keys, rows, quantum, scale, halfEvidence);
    }

    static LanguageModel LoadEmbedded()
    {
        using var stream = typeof(LanguageModel).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing; rebuild it with scripts/langid");
        return Read(stream);
    }
}
