namespace Cql.Engine.Quotes;

/// <summary>
/// The token lists of a document's paragraphs, handed back when its extraction is done and reused by the thread's
/// next document: a fresh list a paragraph was the largest allocation of quote extraction. Per thread, so ingest
/// workers share nothing; bounded, so one long document does not keep its lists for good.
/// </summary>
internal static class TokenListPool
{
    /// <summary>Lists kept per thread: more paragraphs than a news article has.</summary>
    const int MaxKeptLists = 256;
    /// <summary>Tokens a kept list may hold (48 KB, below the large-object heap); a longer window's list goes.</summary>
    const int MaxKeptCapacity = 2048;

    [ThreadStatic] static Stack<List<Token>>? t_free;

    /// <summary>An empty list with room for at least <paramref name="capacity"/> tokens.</summary>
    public static List<Token> Rent(int capacity)
    {
        if (t_free is not { Count: > 0 } free) return new List<Token>(capacity);
        var list = free.Pop();
        list.EnsureCapacity(capacity);
        return list;
    }

    /// <summary>Takes back a list nothing reads any more.</summary>
    public static void Return(List<Token> list)
    {
        if (list.Capacity > MaxKeptCapacity) return;
        var free = t_free ??= new Stack<List<Token>>();
        if (free.Count >= MaxKeptLists) return;
        // Clearing drops the pooled words it points to, which the string pool may have let go.
        list.Clear();
        free.Push(list);
    }
}
