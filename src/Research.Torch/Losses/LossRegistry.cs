namespace Research.Torch.Losses;

/// <summary>Builds losses by name; an unknown name lists the valid ones.</summary>
public static class LossRegistry
{
    private static readonly (string Name, LossKind Kind)[] Entries =
    [
        ("bce", LossKind.Bce), ("dice", LossKind.Dice), ("bce-dice", LossKind.BceDice),
        ("weighted-bce", LossKind.WeightedBce), ("cross-entropy", LossKind.CrossEntropy),
    ];

    /// <summary>The registered names, in a fixed order.</summary>
    public static IReadOnlyList<string> AvailableNames { get; } = Entries.Select(e => e.Name).ToArray();

    /// <summary>The kind for a name (case-insensitive), or an <see cref="InputException"/> listing the valid names.</summary>
    public static LossKind Parse(string name)
    {
        foreach (var (n, kind) in Entries) if (string.Equals(n, name, StringComparison.OrdinalIgnoreCase)) return kind;
        throw new InputException($"Unknown loss '{name}'. Available losses: {string.Join(", ", AvailableNames)}.");
    }

    /// <summary>The canonical name of a kind.</summary>
    public static string NameOf(LossKind kind) => Entries.First(e => e.Kind == kind).Name;

    /// <summary>Creates the loss; <paramref name="boundaryWeight"/> weights the boundary class of cross-entropy.</summary>
    public static ISegmentationLoss Create(LossKind kind, double boundaryWeight = 1) => kind switch
    {
        LossKind.Bce => new BceLoss(),
        LossKind.Dice => new DiceLoss(),
        LossKind.BceDice => new BceDiceLoss(),
        LossKind.WeightedBce => new WeightedBceLoss(),
        LossKind.CrossEntropy => new CrossEntropyLoss(boundaryWeight),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
