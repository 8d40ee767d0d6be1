using System.Globalization;

namespace Research.Augmentation;

/// <summary>The axis of a fold's circular shift.</summary>
public enum ShiftAxis
{
    /// <summary>No shift (fold 0 and the D4 folds).</summary>
    None,
    /// <summary>Shift to the right by floor(k * W / 8) pixels, wrapping around (NumPy axis 1).</summary>
    X,
    /// <summary>Shift down by floor(k * H / 8) pixels, wrapping around (NumPy axis 0).</summary>
    Y,
}

/// <summary>
/// One deterministic fold: rotate by <see cref="QuarterTurns"/> x 90 degrees counter-clockwise, then mirror left-right
/// when <see cref="Flip"/>, then shift circularly along <see cref="Axis"/> by <see cref="Eighths"/>/8 of the
/// rotated image's width (axis x) or height (axis y), rounded down. In NumPy:
/// <c>np.roll(np.fliplr(np.rot90(a, QuarterTurns)) if Flip else np.rot90(a, QuarterTurns), shift, axis)</c>.
/// </summary>
/// <param name="Index">The fold number in its scheme (0 = the original).</param>
/// <param name="QuarterTurns">0 to 3 counter-clockwise quarter turns.</param>
/// <param name="Flip">Mirror left-right after the rotation.</param>
/// <param name="Axis">The shift axis, <see cref="ShiftAxis.None"/> for no shift.</param>
/// <param name="Eighths">k in 1..7 for a shift, 0 without one.</param>
public readonly record struct Fold(int Index, int QuarterTurns, bool Flip, ShiftAxis Axis, int Eighths)
{
    /// <summary>The rotation in degrees counter-clockwise (0, 90, 180 or 270).</summary>
    public int RotationDegrees => QuarterTurns * 90;

    /// <summary>Width and height after the rotation of a <paramref name="width"/> x <paramref name="height"/> image.</summary>
    public (int Width, int Height) RotatedSize(int width, int height) =>
        QuarterTurns % 2 == 0 ? (width, height) : (height, width);

    /// <summary>The shift in pixels for a source image of <paramref name="width"/> x <paramref name="height"/>: floor(k * W / 8) or floor(k * H / 8) of the rotated size.</summary>
    public int ShiftPixels(int width, int height)
    {
        var (w, h) = RotatedSize(width, height);
        return Axis switch
        {
            ShiftAxis.X => Eighths * w / 8,
            ShiftAxis.Y => Eighths * h / 8,
            _ => 0,
        };
    }

    /// <summary>The axis as written in index files: none, x or y.</summary>
    public string AxisName => Axis switch { ShiftAxis.X => "x", ShiftAxis.Y => "y", _ => "none" };

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"fold {Index}: rot {RotationDegrees}, flip {(Flip ? 1 : 0)}, axis {AxisName}, k {Eighths}");
}
