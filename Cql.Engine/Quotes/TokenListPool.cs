namespace Cql.Engine.Quotes;

/// <summary>
/// The token lists of a document's paragraphs, handed back when its extraction is done and reused by the worker's
/// next document: a fresh list a paragraph was the largest allocation of quote extraction. One per worker (in its
/// <see cref="QuoteWorkspace"/>); bounded, so one long document does not keep its lists for good.
/// </summary>
internal sealed class TokenListPool
{
    /// <summary>Lists kept: more paragraphs than a news article has.</summary>
    internal const int MaxKeptLists = 256;
    /// <summary>Tokens a kept list may hold (48 KB, below the large-object heap); a longer window's list goes.</summary>
    internal const int MaxKeptCapacity = 2048;

    readonly Stack<List<Token>> _free = new();

    /// <summary>An empty list with room for at least <paramref name="capacity"/> tokens.</summary>
    public List<Token> Rent(int capacity)
    {
        if (_free.Count == 0) return new List<Token>(capacity);
        var list = _free.Pop();
        list.EnsureCapacity(capacity);
        return list;
    }

    /// <summary>Takes back a list nothing reads any more.</summary>
    public void Return(List<Token> list)
    {
        if (list.Capacity > MaxKeptCapacity || _free.Count >= MaxKeptLists) return;
        // Clearing drops the pooled words it points to, which the string pool may have let go.
        list.Clear();
        _free.Push(list);
    }
}
