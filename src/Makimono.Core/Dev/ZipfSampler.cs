namespace Makimono.Dev;

/// <summary>
/// Draws ranks 0..n-1 with p(k) ∝ (k + 1 + q)^-s (Zipf–Mandelbrot). The offset q flattens the head: a plain Zipf with
/// s = 1.1 puts the top additional tag on 64% of works, where AO3's most used tag of a type sits on about 10%.
/// </summary>
internal sealed class ZipfSampler
{
    private readonly double[] _cumulative;

    public ZipfSampler(int n, double s, double q)
    {
        _cumulative = new double[n];
        var sum = 0.0;
        for (var k = 0; k < n; k++)
        {
            sum += Math.Pow(k + 1 + q, -s);
            _cumulative[k] = sum;
        }
        for (var k = 0; k < n; k++)
        {
            _cumulative[k] /= sum;
        }
    }

    public double TopShare => _cumulative[0];

    /// <summary>The share of draws at or below <paramref name="rank"/>.</summary>
    public double Cumulative(int rank) => _cumulative[rank];

    /// <summary>The offset that gives the top rank <paramref name="topShare"/> of the draws.</summary>
    public static ZipfSampler WithTopShare(int n, double s, double topShare)
    {
        double low = 0, high = 100_000;
        for (var i = 0; i < 60; i++)
        {
            var mid = (low + high) / 2;
            var top = Math.Pow(1 + mid, -s) / Enumerable.Range(1, n).Sum(k => Math.Pow(k + mid, -s));
            if (top > topShare)
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
            if (high - low < 0.01)
            {
                break;
            }
        }
        return new ZipfSampler(n, s, high);
    }

    public int Next(Random random)
    {
        var at = Array.BinarySearch(_cumulative, random.NextDouble());
        return Math.Min(at < 0 ? ~at : at, _cumulative.Length - 1);
    }
}
