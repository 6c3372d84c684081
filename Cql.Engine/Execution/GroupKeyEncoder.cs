namespace Cql.Engine.Execution;

/// <summary>
/// Turns the key columns of a batch into dense group ids without a string per row: each key column maps its values
/// to codes (text through a span lookup, dictionary buffers once per run), and the codes of several keys fold
/// pairwise, two 32-bit codes packed into one 64-bit key, so two keys cost one hash lookup per row. New groups get
/// the next id, so ids follow first appearance.
/// </summary>
public sealed class GroupKeyEncoder
{
    readonly ColumnCoder[] _coders;
    // Per key after the first: (combination so far, this key's code) → combination id. The first key's codes are the
    // combinations of level 0, and one key needs no table at all.
    readonly PairTable?[] _fold;
    public int GroupCount { get; private set; }
    int[] _groupOfCode = new int[64]; // group + 1 by code, for a single key; 0 = no group yet
    int[] _codes = [];
    int[] _newGroupRows = new int[64];

    /// <summary>The rows of the last encoded batch that opened a new group, in group order: the first
    /// <see cref="NewGroupCount"/> entries.</summary>
    public ReadOnlySpan<int> NewGroupRows => _newGroupRows.AsSpan(0, NewGroupCount);
    public int NewGroupCount { get; private set; }

    public GroupKeyEncoder(int keyCount)
    {
        _coders = new ColumnCoder[keyCount];
        _fold = new PairTable[keyCount];
        for (int k = 0; k < keyCount; k++) { _coders[k] = new ColumnCoder(); if (k > 0) _fold[k] = new PairTable(); }
    }

    /// <summary>Forgets the groups, so the next ones are numbered from 0; the key columns' codes stay.</summary>
    public void Restart()
    {
        GroupCount = 0;
        NewGroupCount = 0;
        Array.Clear(_groupOfCode);
        foreach (var fold in _fold) fold?.Clear();
    }

    /// <summary>Fills groupIds for every row; <see cref="NewGroupRows"/> then tells the rows that opened new groups.</summary>
    public void Encode(IReadOnlyList<ColumnVector> keys, int rows, int[] groupIds)
    {
        NewGroupCount = 0;
        if (keys.Count == 0)
        {
            if (GroupCount == 0) { GroupCount = 1; NewGroup(0); }
            Array.Clear(groupIds, 0, rows);
            return;
        }
        if (_codes.Length < rows) _codes = new int[rows];
        var codes = _codes;
        if (keys.Count == 1)
        {
            // One key: its codes are dense, so an array maps them to groups without hashing each row.
            _coders[0].Code(keys[0], rows, codes);
            for (int r = 0; r < rows; r++)
            {
                int c = codes[r];
                if (c >= _groupOfCode.Length) Array.Resize(ref _groupOfCode, Math.Max(c + 1, _groupOfCode.Length * 2));
                int g = _groupOfCode[c] - 1;
                if (g < 0) { g = GroupCount++; _groupOfCode[c] = g + 1; NewGroup(r); }
                groupIds[r] = g;
            }
            return;
        }
        // The first key's codes are the first level's combinations as they are.
        _coders[0].Code(keys[0], rows, groupIds);
        for (int k = 1; k < keys.Count; k++)
        {
            _coders[k].Code(keys[k], rows, codes);
            var fold = _fold[k]!;
            bool last = k == keys.Count - 1;
            for (int r = 0; r < rows; r++)
            {
                long pair = ((long)groupIds[r] << 32) | (uint)codes[r];
                // Intermediate levels number combinations; the last level's combinations are the groups.
                int id = fold.IdOf(pair, out bool added);
                if (added && last) { GroupCount++; NewGroup(r); }
                groupIds[r] = id;
            }
        }
    }

    /// <summary>Fills groupIds with each row's group, or -1 where its key has none yet; opens no group.</summary>
    public void Find(IReadOnlyList<ColumnVector> keys, int rows, int[] groupIds)
    {
        if (_codes.Length < rows) _codes = new int[rows];
        var codes = _codes;
        if (keys.Count == 1)
        {
            _coders[0].Code(keys[0], rows, codes);
            for (int r = 0; r < rows; r++) groupIds[r] = codes[r] < _groupOfCode.Length ? _groupOfCode[codes[r]] - 1 : -1;
            return;
        }
        _coders[0].Code(keys[0], rows, groupIds);
        for (int k = 1; k < keys.Count; k++)
        {
            _coders[k].Code(keys[k], rows, codes);
            var fold = _fold[k]!;
            for (int r = 0; r < rows; r++)
                if (groupIds[r] >= 0) groupIds[r] = fold.Find(((long)groupIds[r] << 32) | (uint)codes[r]);
        }
    }

    void NewGroup(int row)
    {
        if (NewGroupCount == _newGroupRows.Length) Array.Resize(ref _newGroupRows, NewGroupCount * 2);
        _newGroupRows[NewGroupCount++] = row;
    }
}
