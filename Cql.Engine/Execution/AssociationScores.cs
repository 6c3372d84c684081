namespace Cql.Engine.Execution;

/// <summary>
/// The association and keyness statistics, as grammar.md states them. Counts come in as doubles so that products of
/// corpus sizes never overflow.
/// </summary>
public static class AssociationScores
{
    /// <summary>logDice (Rychlý 2008): 14 + log2(2·f_xy / (f_x + f_y)).</summary>
    public static double LogDice(double fxy, double fx, double fy) => 14 + Math.Log2(2 * fxy / (fx + fy));

    /// <summary>Pointwise mutual information: log2(f_xy·N / (f_x·f_y)).</summary>
    public static double Mi(double fxy, double fx, double fy, double n) => Math.Log2(fxy * n / (fx * fy));

    /// <summary>The t-score: (f_xy − f_x·f_y/N) / sqrt(f_xy).</summary>
    public static double T(double fxy, double fx, double fy, double n) => (fxy - fx * fy / n) / Math.Sqrt(fxy);

    /// <summary>
    /// Dunning's log-likelihood G² of the 2×2 table O11 = f_xy, O12 = f_x − f_xy, O21 = f_y − f_xy,
    /// O22 = N − f_x − f_y + f_xy against the expectations R_i·C_j/N of its margins (rows f_x, N − f_x; columns f_y,
    /// N − f_y). A window can count a word more often than the term or the word occurs, so a cell below zero counts
    /// as zero, as does any cell of 0 (0·ln 0 = 0).
    /// </summary>
    public static double Ll(double fxy, double fx, double fy, double n) =>
        2 * (Cell(fxy, fx * fy / n) + Cell(fx - fxy, fx * (n - fy) / n)
           + Cell(fy - fxy, (n - fx) * fy / n) + Cell(n - fx - fy + fxy, (n - fx) * (n - fy) / n));

    /// <summary>Keyness G² (Rayson and Garside 2000): a word a times in a part of c words and b times in a
    /// reference of d words; expectations E1 = c(a+b)/(c+d), E2 = d(a+b)/(c+d).</summary>
    public static double KeynessLl(double a, double b, double c, double d) =>
        2 * (Cell(a, c * (a + b) / (c + d)) + Cell(b, d * (a + b) / (c + d)));

    /// <summary>Hardie's Log Ratio, log2((a/c) / (b/d)), with a frequency of 0 taken as 0.5 so that it stays finite.</summary>
    public static double LogRatio(double a, double b, double c, double d) =>
        Math.Log2((a == 0 ? 0.5 : a) / c / ((b == 0 ? 0.5 : b) / d));

    static double Cell(double observed, double expected) => observed > 0 ? observed * Math.Log(observed / expected) : 0;
}
