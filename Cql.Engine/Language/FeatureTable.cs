using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Cql.Engine.Language;

/// <summary>
/// The model's open-addressing hash table as one pinned block of 32-byte slots, aligned to cache lines: a slot holds
/// the 16-byte penalty row and then the 32-bit fingerprint, so a lookup — hit or miss — touches one cache line.
/// An empty slot has fingerprint 0 and a row of zeros.
/// </summary>
sealed class FeatureTable
{
    public const int SlotBytes = 32;
    const int KeyOffset = LanguageModel.RowWidth;

    readonly byte[] block;
    readonly int start;

    public int Capacity { get; }
    public int Mask => Capacity - 1;

    public FeatureTable(uint[] keys, byte[] rows)
    {
        Capacity = keys.Length;
        block = GC.AllocateArray<byte>(Capacity * SlotBytes + 64, pinned: true);
        // Pinned, so the address is fixed and the first whole cache line stays the first slot.
        unsafe { start = (int)((64 - (nuint)Unsafe.AsPointer(ref block[0]) % 64) % 64); }
        for (int s = 0; s < Capacity; s++)
        {
            rows.AsSpan(s * LanguageModel.RowWidth, LanguageModel.RowWidth).CopyTo(block.AsSpan(start + s * SlotBytes));
            Unsafe.WriteUnaligned(ref block[start + s * SlotBytes + KeyOffset], keys[s]);
        }
    }

    /// <summary>The first slot; slot s is <see cref="SlotBytes"/>·s bytes further.</summary>
    public ref byte First => ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(block), start);

    public uint Key(int slot) => Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref First, slot * SlotBytes + KeyOffset));

    public byte Penalty(int slot, int lang) => Unsafe.Add(ref First, slot * SlotBytes + lang);

    /// <summary>The fingerprint stored in a slot addressed by reference (the scorer's hot path).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint KeyAt(ref byte slot) => Unsafe.ReadUnaligned<uint>(ref Unsafe.Add(ref slot, KeyOffset));
}
