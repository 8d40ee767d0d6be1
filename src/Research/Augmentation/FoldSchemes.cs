namespace Research.Augmentation;

/// <summary>
/// The fold lists of the deterministic schemes. <see cref="AugmentationScheme.Fold113"/>: fold 0 is the original;
/// fold 1 + ((r * 2 + flip) * 2 + axis) * 7 + (k - 1) rotates by r quarter turns counter-clockwise (r = 0..3), mirrors
/// left-right when flip = 1, then shifts circularly by floor(k * W / 8) pixels right (axis 0 = x) or floor(k * H / 8)
/// pixels down (axis 1 = y), k = 1..7, W and H being the rotated image's size. <see cref="AugmentationScheme.D4"/>:
/// fold r * 2 + flip, no shift. The original work did not publish code; this is our reading of its description.
/// </summary>
public static class FoldSchemes
{
    private static readonly Fold[] Fold113List = BuildFold113();
    private static readonly Fold[] D4List = BuildD4();

    /// <summary>The folds of <paramref name="scheme"/> in fold order.</summary>
    public static IReadOnlyList<Fold> Folds(AugmentationScheme scheme) => scheme switch
    {
        AugmentationScheme.Fold113 => Fold113List,
        AugmentationScheme.D4 => D4List,
        _ => throw new ArgumentOutOfRangeException(nameof(scheme), scheme, $"Unknown scheme; valid: {ValidNames}."),
    };

    /// <summary>The number of folds of <paramref name="scheme"/> (113 or 8).</summary>
    public static int Count(AugmentationScheme scheme) => Folds(scheme).Count;

    /// <summary>The names accepted by <see cref="Parse"/>.</summary>
    public const string ValidNames = "fold113, d4";

    /// <summary>Parses a scheme name (fold113 or d4, any case); other names throw <see cref="InputException"/> listing the valid ones.</summary>
    public static AugmentationScheme Parse(string name) => name?.Trim().ToLowerInvariant() switch
    {
        "fold113" or "113" => AugmentationScheme.Fold113,
        "d4" => AugmentationScheme.D4,
        _ => throw new InputException($"Unknown augmentation scheme '{name}'; valid schemes: {ValidNames}."),
    };

    /// <summary>The scheme's name as <see cref="Parse"/> reads it.</summary>
    public static string Name(AugmentationScheme scheme) => scheme == AugmentationScheme.D4 ? "d4" : "fold113";

    /// <summary>
    /// Throws <see cref="InputException"/> when <paramref name="scheme"/> cannot be applied to a <paramref name="width"/> x
    /// <paramref name="height"/> image: shifts need both sides at least 8 px, otherwise floor(W / 8) = 0 and folds repeat.
    /// </summary>
    public static void CheckApplicable(AugmentationScheme scheme, int width, int height, string what)
    {
        if (scheme == AugmentationScheme.Fold113 && (width < 8 || height < 8))
        {
            throw new InputException(
                $"{what} is {width}x{height} px; the fold113 scheme shifts by eighths of the width and height and needs both at least 8 px. Use --scheme d4 or a larger image.");
        }
    }

    private static Fold[] BuildFold113()
    {
        var folds = new List<Fold>(113) { new(0, 0, false, ShiftAxis.None, 0) };
        for (int r = 0; r < 4; r++)
        {
            for (int flip = 0; flip < 2; flip++)
            {
                foreach (var axis in new[] { ShiftAxis.X, ShiftAxis.Y })
                {
                    for (int k = 1; k <= 7; k++) folds.Add(new Fold(folds.Count, r, flip == 1, axis, k));
                }
            }
        }
        return [.. folds];
    }

    private static Fold[] BuildD4()
    {
        var folds = new Fold[8];
        for (int r = 0; r < 4; r++)
        {
            for (int flip = 0; flip < 2; flip++) folds[r * 2 + flip] = new Fold(r * 2 + flip, r, flip == 1, ShiftAxis.None, 0);
        }
        return folds;
    }
}
