namespace Cql.Engine.Quotes;

/// <summary>
/// German puts adverbials and the listener between a cue and the comma before its clause ("sagte am Rande des
/// Treffens, …", "sagte zu Beginn der Sitzung, …", "sagte dieser Zeitung, …", "sagte dem „Handelsblatt“, …"). An
/// article there opens a genitive or an object, not a clause of its own as in English ("said the demands that …"), and
/// a newspaper's name in marks after an article or a preposition is the listener, not the statement. The clause after
/// the comma still has to be in the reporting mood (<see cref="IndirectSpeech.ClauseFollows"/>).
/// </summary>
internal static class GermanCueTail
{
    /// <summary>Tokens a listener's name in marks may span, marks included ("der „Frankfurter Allgemeinen Zeitung“").</summary>
    const int MaxTitleTokens = 6;

    /// <summary>Whether the article at <paramref name="k"/> after a cue stays in the cue's tail.</summary>
    public static bool ArticleInTail(ParagraphContext p, int k) => p.IsGerman && (p.IsDetDef(k) || p.IsDetIndef(k));

    /// <summary>The comma after the words in marks opening at <paramref name="k"/> when they name the listener, right
    /// after an article or a preposition; -1 otherwise.</summary>
    public static int CommaAfterTitle(ParagraphContext p, int k, int se, Func<int, bool> opaque)
    {
        if (!p.IsGerman || k == 0 || !(p.IsDetDef(k - 1) || p.IsDetIndef(k - 1) || p.IsPreposition(k - 1))) return -1;
        int m = k;
        while (m < se && m - k < MaxTitleTokens && opaque(m)) m++;
        return m < se && m > k && p.Tokens[m].Is(',') ? m : -1;
    }
}
