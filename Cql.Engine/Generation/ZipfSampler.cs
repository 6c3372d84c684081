namespace Cql.Engine.Generation;

/// <summary>Draws ranks 0..n-1 with probability proportional to 1/(rank+1)^s, by binary search in a cumulative table.</summary>
internal sealed class ZipfSampler
{
    readonly double[] _cdf;

    public ZipfSampler(int n, double s) : this(Weights(n, s)) { }

    /// <summary>Draws index i with probability weights[i] / sum(weights).</summary>
    public ZipfSampler(double[] weights)
    {
        _cdf = new double[weights.Length];
        double sum = 0;
        for (int i = 0; i < weights.Length; i++) { sum += weights[i]; _cdf[i] = sum; }
        for (int i = 0; i < _cdf.Length; i++) _cdf[i] /= sum;
    }

    static double[] Weights(int n, double s)
    {
        var w = new double[n];
        for (int i = 0; i < n; i++) w[i] = 1.0 / Math.Pow(i + 1, s);
        return w;
    }

    public int Next(Random rng)
    {
        int i = Array.BinarySearch(_cdf, rng.NextDouble());
        if (i < 0) i = ~i;
        return Math.Min(i, _cdf.Length - 1);
    }
}
