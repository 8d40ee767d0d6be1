using Research.Randomness;

namespace Research.Datasets.Synthetic;

/// <summary>
/// Smooth random texture: random values on a square lattice of the given spacing, interpolated with a
/// smoothstep. Values lie in [-1, 1]. Used for nucleus texture and uneven background.
/// </summary>
internal sealed class ValueNoise
{
    private readonly float[] _lattice;
    private readonly int _columns;
    private readonly double _spacing;

    public ValueNoise(SeededRandom rng, int width, int height, double spacing)
    {
        _spacing = spacing;
        _columns = (int)Math.Ceiling(width / spacing) + 2;
        int rows = (int)Math.Ceiling(height / spacing) + 2;
        _lattice = new float[_columns * rows];
        for (int i = 0; i < _lattice.Length; i++) _lattice[i] = (float)(2 * rng.NextDouble() - 1);
    }

    public double At(int x, int y)
    {
        double gx = x / _spacing, gy = y / _spacing;
        int ix = (int)gx, iy = (int)gy;
        double fx = Smooth(gx - ix), fy = Smooth(gy - iy);
        double top = Lerp(_lattice[iy * _columns + ix], _lattice[iy * _columns + ix + 1], fx);
        double bottom = Lerp(_lattice[(iy + 1) * _columns + ix], _lattice[(iy + 1) * _columns + ix + 1], fx);
        return Lerp(top, bottom, fy);
    }

    private static double Smooth(double t) => t * t * (3 - 2 * t);

    private static double Lerp(double a, double b, double t) => a + (b - a) * t;
}
