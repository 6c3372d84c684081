using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Cql.Engine.Language;

/// <summary>The evidence a text gives: summed penalties per language (in model units), how many features the model
/// knew, how many letters the text has and how many of them the model does not know at all (another script).</summary>
public struct LanguageEvidence
{
    /// <summary>Summed penalty per language (row order, four languages a vector); lower is more likely.</summary>
    public Vector128<uint> Penalties0, Penalties1, Penalties2, Penalties3;
    /// <summary>Features found in the model.</summary>
    public int Hits;
    /// <summary>Letters seen, and letters whose unigram the model has never seen.</summary>
    public int Letters, UnknownLetters;

    /// <summary>Adds a word's cached evidence: its penalties, hits and unknown letters (its letters the caller counts,
    /// since a word's evidence is shared by every place it stands).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void AddWord(in LanguageEvidence word)
    {
        Penalties0 += word.Penalties0;
        Penalties1 += word.Penalties1;
        Penalties2 += word.Penalties2;
        Penalties3 += word.Penalties3;
        Hits += word.Hits;
        UnknownLetters += word.UnknownLetters;
    }

    /// <summary>The summed penalty of language <paramref name="lang"/>.</summary>
    public readonly uint Penalty(int lang) => (lang >> 2) switch
    {
        0 => Penalties0.GetElement(lang & 3),
        1 => Penalties1.GetElement(lang & 3),
        2 => Penalties2.GetElement(lang & 3),
        _ => Penalties3.GetElement(lang & 3),
    };
}

/// <summary>
/// Sums the penalty rows of a batch of features: each row is one 16-lane vector added into 16-bit lanes, widened
/// into the 32-bit totals every <see cref="Block"/> features, before they can overflow. Everything stays in
/// registers inside the loop; a miss adds the all-zero row of the empty slot it stopped on instead of branching.
/// </summary>
static class LanguageScorer
{
    const int Block = 256; // 256 rows of at most 255 each still fit 16 bits
    const int PrefetchDistance = 8;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    static unsafe void Prefetch(ref byte address) => Sse.Prefetch0(Unsafe.AsPointer(ref address));

    public static void Add(FeatureTable table, ReadOnlySpan<ulong> features, ref LanguageEvidence evidence)
    {
        ref byte first = ref table.First;
        int mask = table.Mask;
        var t0 = evidence.Penalties0; var t1 = evidence.Penalties1; var t2 = evidence.Penalties2; var t3 = evidence.Penalties3;
        int hits = 0, unknownLetters = 0;
        for (int start = 0; start < features.Length; start += Block)
        {
            int end = Math.Min(features.Length, start + Block);
            Vector128<ushort> low = default, high = default;
            for (int i = start; i < end; i++)
            {
                ulong feature = features[i];
                // The table is far larger than the caches and features hit it at random: ask for a slot a few
                // features ahead so its cache line is on its way when the loop gets there.
                if (Sse.IsSupported && i + PrefetchDistance < features.Length)
                    Prefetch(ref Unsafe.Add(ref first, ((int)features[i + PrefetchDistance] & mask) * FeatureTable.SlotBytes));
                int slot = (int)feature & mask;
                uint fp = LanguageModel.Fingerprint(feature);
                ref byte entry = ref Unsafe.Add(ref first, slot * FeatureTable.SlotBytes);
                uint key;
                while ((key = FeatureTable.KeyAt(ref entry)) != fp && key != 0)
                {
                    slot = (slot + 1) & mask;
                    entry = ref Unsafe.Add(ref first, slot * FeatureTable.SlotBytes);
                }
                var (lo, hi) = Vector128.Widen(Vector128.LoadUnsafe(ref entry));
                int shift = LanguageFeatures.WeightShiftOf(feature); // capitalised words count less (LanguageFeatures.NameFlag)
                low += Vector128.ShiftRightLogical(lo, shift);
                high += Vector128.ShiftRightLogical(hi, shift);
                int known = key != 0 ? 1 : 0;
                hits += known;
                unknownLetters += (LanguageFeatures.OrderOf(feature) == 1 ? 1 : 0) & (known ^ 1);
            }
            var (a, b) = Vector128.Widen(low);
            var (c, d) = Vector128.Widen(high);
            t0 += a; t1 += b; t2 += c; t3 += d;
        }
        evidence.Penalties0 = t0; evidence.Penalties1 = t1; evidence.Penalties2 = t2; evidence.Penalties3 = t3;
        evidence.Hits += hits;
        evidence.UnknownLetters += unknownLetters;
    }
}
